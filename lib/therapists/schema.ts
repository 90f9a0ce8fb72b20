import { z } from "zod";
import { visibleString } from "../text/visible-text";
import { VISIT_MODES } from "../schedules/labels";
import { slugSchema } from "../text/slug";
import { THERAPIST_LANGUAGE_CODES } from "./languages";

const name = (what: string) =>
  visibleString({ error: `Enter the therapist's ${what}.` })
    .trim()
    .min(1, `Enter the therapist's ${what}.`)
    .max(60, "Use at most 60 characters.");

const bio = visibleString().trim().max(2000, "Use at most 2,000 characters.").default("");

/** Ids picked from checkboxes: each a uuid, each once. */
const idList = (message: string) =>
  z
    .array(z.guid({ error: message }), { error: message })
    .default([])
    .transform((ids) => [...new Set(ids)]);

/** A checkbox as a form sends it: "on" when ticked, absent (or "") when not. */
const checkbox = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/** Everything the therapist's page edits; the add form sends the same, plus a login email. */
export const therapistFieldsSchema = z.object({
  firstName: name("first name"),
  lastName: name("last name"),
  credentials: visibleString().trim().max(80, "Use at most 80 characters.").default(""),
  bioEn: bio,
  bioEs: bio,
  languages: z
    .array(z.enum(THERAPIST_LANGUAGE_CODES, { error: "Choose languages from the list." }), { error: "Choose at least one language." })
    .min(1, "Choose at least one language the therapist treats in.")
    .transform((codes) => [...new Set(codes)]),
  visitModes: z
    .array(z.enum(VISIT_MODES, { error: "Choose visit modes from the list." }), { error: "Choose at least one visit mode." })
    .min(1, "Choose at least one kind of visit the therapist offers.")
    .transform((modes) => VISIT_MODES.filter((m) => modes.includes(m))),
  locationIds: idList("Choose locations from the list.").pipe(z.array(z.string()).min(1, "Choose at least one location the therapist works at.")),
  serviceIds: idList("Choose services from the list."),
  removePhoto: checkbox,
});

const loginEmail = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address, or leave it empty for no login." }).max(254, "Use at most 254 characters."));

export const createTherapistSchema = therapistFieldsSchema.extend({
  /** The therapist's slug in links; absent: made from the name. */
  slug: slugSchema.optional(),
  /** When given, a therapist staff login is made with it in the same transaction. */
  loginEmail: z
    .string()
    .optional()
    .transform((s) => s?.trim() ?? "")
    .pipe(z.union([z.literal(""), loginEmail]))
    .transform((s) => (s === "" ? null : s)),
});

export const updateTherapistSchema = therapistFieldsSchema.extend({
  id: z.guid({ error: "No such therapist." }),
  active: checkbox,
  /** The visits the staff member saw listed and agreed to leave stranded. */
  confirmStranded: z.array(z.guid()).max(1000).optional(),
});

export const therapistLoginSchema = z.object({
  therapistId: z.guid({ error: "No such therapist." }),
  loginEmail,
});

export type CreateTherapistInput = z.input<typeof createTherapistSchema>;
export type UpdateTherapistInput = z.input<typeof updateTherapistSchema>;
export type TherapistLoginInput = z.input<typeof therapistLoginSchema>;
