import { z } from "zod";
import { instantSchema, visitModeSchema } from "../booking/schema";
import { isInClinicYears, OUT_OF_RANGE_MESSAGE } from "../scheduling/date-bounds";
import { visibleString } from "../text/visible-text";

// Inputs of a plan of care, shared by the staff form and its API: the plan
// itself for "Propose", and the plan with the accepted times for "Book".

const localDate = z
  .string({ error: "Enter the first day as YYYY-MM-DD." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the form YYYY-MM-DD.")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "That is not a real date.")
  .refine(isInClinicYears, OUT_OF_RANGE_MESSAGE);

const minuteOfDay = (what: string) =>
  z.number({ error: `Enter the ${what} of the preferred time.` }).int(`Enter the ${what} in whole minutes.`).min(0, `The ${what} is a time of day.`).max(1440, `The ${what} is a time of day.`);

export const TREATS_MAX = 200;

export const carePlanSchema = z
  .object({
    patientId: z.uuid({ error: "Choose a patient." }),
    therapistId: z.uuid({ error: "Choose a therapist." }),
    serviceId: z.uuid({ error: "Choose a visit type." }),
    locationId: z.uuid({ error: "Choose a location." }),
    mode: visitModeSchema,
    treats: visibleString({ error: "Say what the plan treats." }).trim().min(1, "Say what the plan treats.").max(TREATS_MAX, `Use at most ${TREATS_MAX} characters.`),
    visitsPerWeek: z.number({ error: "Enter the visits per week." }).int("Enter whole visits per week.").min(1, "At least 1 visit a week.").max(5, "At most 5 visits a week."),
    weeks: z.number({ error: "Enter how many weeks." }).int("Enter whole weeks.").min(1, "At least 1 week.").max(26, "At most 26 weeks."),
    preferredWeekdays: z
      .array(z.number().int().min(1, "Days are 1 (Monday) to 7 (Sunday).").max(7, "Days are 1 (Monday) to 7 (Sunday)."), { error: "Choose the preferred days." })
      .min(1, "Choose at least one preferred day.")
      .max(7)
      .refine((days) => new Set(days).size === days.length, "Choose each day once."),
    windowStartMinute: minuteOfDay("start"),
    windowEndMinute: minuteOfDay("end"),
    startsOn: localDate,
    createdFromAppointmentId: z.uuid({ error: "That visit is not one of the patient's." }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.preferredWeekdays.length < v.visitsPerWeek) {
      ctx.addIssue({ code: "custom", path: ["preferredWeekdays"], message: `Choose at least ${v.visitsPerWeek} preferred days for ${v.visitsPerWeek} visits a week.` });
    }
    if (v.windowStartMinute >= v.windowEndMinute) {
      ctx.addIssue({ code: "custom", path: ["windowEndMinute"], message: "The preferred time must end after it starts." });
    }
  });
export type CarePlanInput = z.infer<typeof carePlanSchema>;

export const occurrenceSchema = z.object({
  start: instantSchema,
  therapistId: z.uuid({ error: "Choose a therapist." }),
});

export const bookCarePlanSchema = z.object({
  plan: carePlanSchema,
  /** The accepted times, one per visit; a visit left out is not booked. */
  occurrences: z.array(occurrenceSchema, { error: "List the visits to book." }).min(1, "Accept at least one visit to book.").max(130, "A plan has at most 130 visits."),
});
export type BookCarePlanInput = z.infer<typeof bookCarePlanSchema>;
