import { z } from "zod";
import { programItemSchema } from "../exercises/schema";
import { visibleString } from "../text/visible-text";

const count = (what: string, min: number, max: number) => {
  const range = `Enter ${what} from ${min} to ${max}.`;
  return z.union([z.number(), z.string().trim().regex(/^\d{1,3}$/, range).transform(Number)], { error: range }).pipe(z.number().int(range).min(min, range).max(max, range));
};

/** The visit's "Home program" form: which exercises at what dose, how often and for how long, in which language. */
export const assignProgramSchema = z.object({
  appointmentId: z.guid({ error: "No such appointment." }),
  /** Drawn when the form is shown and used as the program's id: the same form sent twice gives one program. */
  formId: z.guid({ error: "Reload the page and try again." }),
  language: z.enum(["en", "es"], { error: "Choose English or Spanish." }),
  sessionsPerWeek: count("the sessions per week", 1, 14),
  weeks: count("the weeks", 1, 52),
  items: z
    .array(programItemSchema)
    .min(1, "Tick at least one exercise.")
    .max(12, "A home program holds at most 12 exercises.")
    .refine((items) => new Set(items.map((i) => i.exerciseId)).size === items.length, "Each exercise once."),
});

export type AssignProgramForm = z.input<typeof assignProgramSchema>;

export const PAIN_MESSAGE = "Choose how much it hurt, from 0 (no pain) to 10 (the worst pain).";

/** One session the patient did, as the program page's form sends it. */
export const logSessionSchema = z.object({
  /** Drawn when the page is shown: a form sent twice logs one session. */
  clientKey: z.string({ error: "Reload the page and try again." }).regex(/^[A-Za-z0-9_-]{8,64}$/, "Reload the page and try again."),
  pain: z.union([z.number(), z.string().trim().regex(/^\d{1,2}$/, PAIN_MESSAGE).transform(Number)], { error: PAIN_MESSAGE }).pipe(z.number().int(PAIN_MESSAGE).min(0, PAIN_MESSAGE).max(10, PAIN_MESSAGE)),
  note: z
    .union([z.null(), visibleString()])
    .optional()
    .transform((v) => (v ?? "").trim())
    .pipe(z.string().max(500, "Keep the note to 500 characters.").refine((v) => !v.includes("\u0000"), "The note holds a character that cannot be saved."))
    .transform((v) => (v === "" ? null : v)),
});

export type LogSessionForm = z.input<typeof logSessionSchema>;
