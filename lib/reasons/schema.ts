import { z } from "zod";
import { visibleString } from "../text/visible-text";
import { slugSchema } from "../text/slug";

const label = (language: string) =>
  visibleString({ error: `Enter the label in ${language}.` })
    .trim()
    .min(1, `Enter the label in ${language}.`)
    .max(120, "Use at most 120 characters.");

/** What patients read for a reason, in each language of the booking form. */
export const reasonLabelsSchema = z.object({
  labelEn: label("English"),
  labelEs: label("Spanish"),
});

export const REASON_FIELDS = ["labelEn", "labelEs"] as const satisfies readonly (keyof z.input<typeof reasonLabelsSchema>)[];

export type ReasonLabelsForm = z.input<typeof reasonLabelsSchema>;

/** A new reason: its labels, and the slug visits record (absent: made from the English label). */
export const reasonCreateSchema = reasonLabelsSchema.extend({ slug: slugSchema.optional() });

export type ReasonCreateForm = z.input<typeof reasonCreateSchema>;

export const reasonIdSchema = z.guid({ error: "No such reason for visit." });

export const moveDirectionSchema = z.enum(["up", "down"], { error: "Move a reason up or down." });

export type MoveDirection = z.output<typeof moveDirectionSchema>;
