import { z } from "zod";

// The intake forms, one per kind of reason, in the practice's own words (the
// words are in the "intake" catalogue, under each question's name). No
// licensed questionnaire is shipped: these are plain questions a therapist
// would ask at the first visit, asked a few days earlier.

export type IntakeQuestion =
  | { kind: "choice"; name: string; options: readonly string[]; required: true }
  | { kind: "text"; name: string; maxLength: number; required: boolean }
  | { kind: "number"; name: string; min: number; max: number; required: boolean; unit?: { name: string; options: readonly string[] } }
  | { kind: "scale"; name: string; min: number; max: number; step: number };

export interface IntakeForm {
  slug: "knee-pain" | "general";
  questions: readonly IntakeQuestion[];
}

/** Pain now, 0 (none) to 10 (worst): every form asks it, and it becomes the intake's pain score. */
const PAIN: IntakeQuestion = { kind: "scale", name: "pain", min: 0, max: 10, step: 1 };
/** How much of their usual running or activities they can do, 0–100: the intake's function score. */
const FUNCTION: IntakeQuestion = { kind: "scale", name: "function", min: 0, max: 100, step: 10 };
const GOALS: IntakeQuestion = { kind: "text", name: "goals", maxLength: 500, required: false };

export const KNEE_PAIN_FORM: IntakeForm = {
  slug: "knee-pain",
  questions: [
    { kind: "choice", name: "where", options: ["inner", "outer", "front", "back", "other"], required: true },
    { kind: "text", name: "since", maxLength: 100, required: true },
    { kind: "number", name: "distance", min: 0, max: 500, required: false, unit: { name: "distanceUnit", options: ["km", "mi"] } },
    PAIN,
    FUNCTION,
    GOALS,
  ],
};

export const GENERAL_FORM: IntakeForm = {
  slug: "general",
  questions: [{ kind: "text", name: "concern", maxLength: 500, required: true }, { kind: "text", name: "since", maxLength: 100, required: true }, PAIN, FUNCTION, GOALS],
};

/** The form for a visit's reason: knee reasons get the knee form, every other reason (or none) the general one. */
export function intakeFormFor(reasonSlug: string | null): IntakeForm {
  return reasonSlug && /(^|-)knee(-|$)/.test(reasonSlug) ? KNEE_PAIN_FORM : GENERAL_FORM;
}

export function intakeFormBySlug(slug: string): IntakeForm {
  return slug === KNEE_PAIN_FORM.slug ? KNEE_PAIN_FORM : GENERAL_FORM;
}

/** Why a field was refused; the "intake" catalogue words each, in the patient's language. */
export type IntakeProblem = "required" | "choose" | "number" | "range" | "tooLong";

export type IntakeAnswers = Record<string, string | number | null>;

export type IntakeParse = { ok: true; answers: IntakeAnswers; pain: number; function: number } | { ok: false; problems: Record<string, IntakeProblem> };

// Invisible characters (bidi controls, zero-width) are dropped from free text:
// staff read these answers, and a reversed line would mislead them.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const cleanText = (raw: string) => raw.replace(INVISIBLE, "").trim();
const wholeNumber = z.string().regex(/^\d{1,4}(\.\d{1,2})?$/);

/**
 * Checks what the form sent against its questions: every refusal by field,
 * or the answers to keep (only the form's own fields, numbers as numbers).
 */
export function parseIntakeAnswers(form: IntakeForm, raw: Record<string, string | undefined>): IntakeParse {
  const problems: Record<string, IntakeProblem> = {};
  const answers: IntakeAnswers = {};
  for (const q of form.questions) {
    const value = (raw[q.name] ?? "").trim();
    if (q.kind === "choice") {
      if (!value) problems[q.name] = "required";
      else if (!q.options.includes(value)) problems[q.name] = "choose";
      else answers[q.name] = value;
    } else if (q.kind === "text") {
      const text = cleanText(raw[q.name] ?? "");
      if (!text && q.required) problems[q.name] = "required";
      else if (text.length > q.maxLength) problems[q.name] = "tooLong";
      else answers[q.name] = text || null;
    } else {
      if (!value) {
        if (q.kind === "scale" || q.required) problems[q.name] = "required";
        else answers[q.name] = null;
        continue;
      }
      if (!wholeNumber.safeParse(value).success) {
        problems[q.name] = "number";
        continue;
      }
      const n = Number(value);
      if (n < q.min || n > q.max || (q.kind === "scale" && !Number.isInteger(n))) problems[q.name] = "range";
      else answers[q.name] = n;
      if (q.kind === "number" && q.unit) {
        const unit = raw[q.unit.name] ?? "";
        if (!q.unit.options.includes(unit)) problems[q.unit.name] = "choose";
        else answers[q.unit.name] = unit;
      }
    }
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, answers, pain: answers.pain as number, function: answers.function as number };
}

/** Every field name a form posts, its units included. */
export function intakeFieldNames(form: IntakeForm): string[] {
  return form.questions.flatMap((q) => (q.kind === "number" && q.unit ? [q.name, q.unit.name] : [q.name]));
}
