import { z } from "zod";

const score = (what: string, min: number, max: number) => {
  const range = `Enter ${what} from ${min} to ${max}.`;
  return z.union([z.number(), z.string().trim().regex(/^\d{1,3}$/, range).transform(Number)], { error: range }).pipe(z.number().int(range).min(min, range).max(max, range));
};

/** The visit's "Progress check" form: pain and function now, at a two-weekly check or at discharge. */
export const recordScoreSchema = z.object({
  appointmentId: z.guid({ error: "No such appointment." }),
  pain: score("the pain", 0, 10),
  function: score("the function", 0, 100),
  source: z.enum(["CHECK", "DISCHARGE"], { error: "Choose a check or discharge." }),
});

export type RecordScoreForm = z.input<typeof recordScoreSchema>;
