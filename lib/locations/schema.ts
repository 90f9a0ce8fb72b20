import { z } from "zod";
import { visibleString } from "../text/visible-text";
import { parsePostalCodes } from "../schedules/postal-codes";
import { slugSchema } from "../text/slug";
import { isKnownTimeZone } from "./time-zones";

// Shared by the location settings forms (checked as the admin presses Save)
// and the mutations (checked again, as the word that counts), so both give
// the same message under the same field.

const confirmStranded = z.array(z.uuid()).max(1000).optional();

const text = (label: string, max: number) =>
  visibleString({ error: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .max(max, `Use at most ${max} characters.`);

const optionalText = (max: number) =>
  z
    .string()
    .nullish()
    .transform((s) => (s ?? "").trim())
    .pipe(visibleString().trim().max(max, `Use at most ${max} characters.`))
    .transform((s) => (s === "" ? null : s));

/** "on"/"true" from a form, or a boolean. */
const flag = z.preprocess((v) => (typeof v === "string" ? v === "on" || v === "true" : v), z.boolean({ error: "Say whether it is active." }));

const wholeNumber = (messages: { missing: string; min: number; minMessage: string; max: number; maxMessage: string }) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v)) : v),
    z
      .number({ error: messages.missing })
      .int("Use a whole number.")
      .min(messages.min, messages.minMessage)
      .max(messages.max, messages.maxMessage),
  );

export const locationDetailsShape = {
  name: text("the location's name", 120),
  addressLine1: text("the street address", 200),
  addressLine2: optionalText(200),
  city: text("the city", 100),
  region: text("the state or region", 100),
  postalCode: text("the postal code", 20),
  country: z
    .string({ error: "Use a two-letter country code, e.g. US." })
    .transform((s) => s.trim().toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2}$/, "Use a two-letter country code, e.g. US.")),
  timeZone: z
    .string({ error: "Choose the location's time zone." })
    .trim()
    .min(1, "Choose the location's time zone.")
    .refine(isKnownTimeZone, "Choose a time zone from the list, e.g. America/Denver."),
  phone: optionalText(40),
  active: flag,
};

/** A new location; its home-visit postal codes are read by its country's format. */
export const locationCreateSchema = z
  .object({
    ...locationDetailsShape,
    /** Absent: made from the name. */
    slug: slugSchema.optional(),
    homePostalCodes: z.string().max(6000, "That list is too long.").optional().default(""),
    homeTravelMinutes: wholeNumber({
      missing: "Enter the travel time in minutes.",
      min: 0,
      minMessage: "Travel time cannot be negative.",
      max: 240,
      maxMessage: "Keep travel time to 240 minutes or less.",
    }),
  })
  .transform((value, ctx) => {
    const codes = parsePostalCodes(value.homePostalCodes, value.country);
    if (!codes.ok) {
      ctx.addIssue({ code: "custom", path: ["homePostalCodes"], message: codes.message });
      return z.NEVER;
    }
    return { ...value, homePostalCodes: codes.codes };
  });
export type LocationCreateInput = z.input<typeof locationCreateSchema>;
export type LocationCreate = z.output<typeof locationCreateSchema>;

/** A location's details; its home-visit area is changed through the schedules' home-area rules. */
export const locationUpdateSchema = z.object({
  id: z.uuid({ error: "No such location." }),
  ...locationDetailsShape,
  confirmStranded,
});
export type LocationUpdateInput = z.input<typeof locationUpdateSchema>;
export type LocationUpdate = z.output<typeof locationUpdateSchema>;

const capacity = wholeNumber({
  missing: "Enter how many visits the room holds at once.",
  min: 1,
  minMessage: "A room holds at least 1 visit at once.",
  max: 100,
  maxMessage: "Keep the capacity to 100 or less.",
});

export const roomCreateSchema = z.object({
  locationId: z.uuid({ error: "No such location." }),
  name: text("the room's name", 80),
  capacity,
});
export type RoomCreateInput = z.input<typeof roomCreateSchema>;

export const roomUpdateSchema = z.object({
  id: z.uuid({ error: "No such room." }),
  name: text("the room's name", 80),
  capacity,
  active: flag,
  confirmStranded,
});
export type RoomUpdateInput = z.input<typeof roomUpdateSchema>;

/** The fields of the location forms, in the order they show them. */
export const LOCATION_FIELDS = [
  "name",
  "addressLine1",
  "addressLine2",
  "city",
  "region",
  "postalCode",
  "country",
  "timeZone",
  "phone",
  "active",
] as const satisfies readonly (keyof typeof locationDetailsShape)[];
