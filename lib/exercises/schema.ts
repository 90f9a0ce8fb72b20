import { z } from "zod";
import { visibleString } from "../text/visible-text";

/** A whole number typed into a form, within the range the database also holds to. */
function whole(what: string, min: number, max: number) {
  const range = `Enter ${what} from ${min} to ${max}.`;
  return z
    .union([z.string(), z.number()], { error: range })
    .transform((v) => (typeof v === "number" ? v : v.trim()))
    .pipe(z.union([z.number(), z.string().regex(/^\d{1,4}$/, range).transform(Number)]))
    .pipe(z.number({ error: range }).int(range).min(min, range).max(max, range));
}

/** The same, where an empty field means "none". */
function optionalWhole(what: string, min: number, max: number) {
  return z.union([z.literal("").transform(() => null), z.null(), whole(what, min, max)]);
}

/** A checkbox as a form sends it ("on" or nothing), or a plain boolean. */
const checkbox = z.union([z.boolean(), z.string().transform((v) => v === "on" || v === "true")]);

/*
 * How much of an exercise: sets, repetitions as a range ("2–3 times"), an
 * optional hold as a range ("20–30 s") and whether each side is done. The
 * same shape is an exercise's default dose and a program's prescribed one.
 */
const doseShape = {
  sets: whole("the sets", 1, 10),
  repetitionsMin: whole("the fewest repetitions", 1, 100),
  repetitionsMax: whole("the most repetitions", 1, 100),
  holdSecondsMin: optionalWhole("the shortest hold in seconds", 1, 600),
  holdSecondsMax: optionalWhole("the longest hold in seconds", 1, 600),
  perSide: checkbox,
};

type DoseValues = { repetitionsMin: number; repetitionsMax: number; holdSecondsMin: number | null; holdSecondsMax: number | null };

function refineDose(dose: DoseValues, ctx: z.RefinementCtx) {
  if (dose.repetitionsMax < dose.repetitionsMin) ctx.addIssue({ code: "custom", path: ["repetitionsMax"], message: "The most repetitions cannot be fewer than the fewest." });
  if ((dose.holdSecondsMin === null) !== (dose.holdSecondsMax === null)) {
    ctx.addIssue({ code: "custom", path: [dose.holdSecondsMin === null ? "holdSecondsMin" : "holdSecondsMax"], message: "Give both hold times, or neither for an exercise that is not held." });
  } else if (dose.holdSecondsMin !== null && dose.holdSecondsMax !== null && dose.holdSecondsMax < dose.holdSecondsMin) {
    ctx.addIssue({ code: "custom", path: ["holdSecondsMax"], message: "The longest hold cannot be shorter than the shortest." });
  }
}

export const doseSchema = z.object(doseShape).superRefine(refineDose);

export type DoseForm = z.input<typeof doseSchema>;
export type Dose = z.output<typeof doseSchema>;

export const DOSE_FIELDS = ["sets", "repetitionsMin", "repetitionsMax", "holdSecondsMin", "holdSecondsMax", "perSide"] as const;

const name = (language: string) =>
  visibleString({ error: `Enter the name in ${language}.` })
    .trim()
    .min(1, `Enter the name in ${language}.`)
    .max(120, "Use at most 120 characters.");

const steps = (language: string) =>
  visibleString({ error: `Enter the steps in ${language}.` })
    .transform((v) => v.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().min(1, `Enter the steps in ${language}.`).max(2000, "Use at most 2000 characters."));

/** An exercise of the library as the staff form sends it: both languages and the default dose. */
export const exerciseFormSchema = z
  .object({ nameEn: name("English"), nameEs: name("Spanish"), stepsEn: steps("English"), stepsEs: steps("Spanish"), ...doseShape })
  .superRefine(refineDose);

/** A program's line: which exercise, at what dose. */
export const programItemSchema = z.object({ exerciseId: z.guid({ error: "No such exercise." }), ...doseShape }).superRefine(refineDose);

export type ExerciseForm = z.input<typeof exerciseFormSchema>;

export const EXERCISE_FIELDS = ["nameEn", "nameEs", "stepsEn", "stepsEs", "sets", "repetitionsMin", "repetitionsMax", "holdSecondsMin", "holdSecondsMax"] as const;

export const exerciseIdSchema = z.guid({ error: "No such exercise." });
