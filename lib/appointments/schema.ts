import { z } from "zod";
import { homeAddressSchema, instantSchema, languageSchema, patientDetailsSchema, versionStampSchema, visitModeSchema } from "../booking/schema";
import { visibleString } from "../text/visible-text";
import { slugSchema } from "../text/slug";
import { STATUS_ACTIONS } from "./status";

// Inputs of the staff calendar's writes, shared by its forms and its API.

const updatedAt = versionStampSchema("Reload the calendar and try again.");

export const moveAppointmentSchema = z.object({
  start: instantSchema,
  therapistId: z.uuid({ error: "Choose a therapist." }),
  expectedUpdatedAt: updatedAt.optional(),
});
export type MoveAppointmentInput = z.infer<typeof moveAppointmentSchema>;

export const statusChangeSchema = z.object({
  action: z.enum(STATUS_ACTIONS, { error: "Choose check in, complete, no-show, cancel, undo check-in or undo no-show." }),
  reason: visibleString().trim().max(500).optional(),
  expectedUpdatedAt: updatedAt.optional(),
});

export const bookForCallerSchema = z.object({
  serviceId: z.uuid({ error: "Choose a service." }),
  locationId: z.uuid({ error: "Choose a location." }),
  /** Omitted: the first available therapist, preferring one who speaks the patient's language. */
  therapistId: z.uuid({ error: "Choose a therapist." }).optional(),
  mode: visitModeSchema,
  start: instantSchema,
  /** An existing patient, or the details of a new one (with their address for a home visit, as online). */
  patientId: z.uuid({ error: "Choose a patient." }).optional(),
  newPatient: patientDetailsSchema.optional(),
  /** Where an existing patient is seen at home, when not at the address on file. */
  visitAddress: homeAddressSchema.optional(),
  reason: visibleString().trim().max(500).optional(),
  /** One of the practice's reasons for visit, as the booking form lists them, besides the words above. */
  reasonSlug: slugSchema.optional(),
  language: languageSchema.optional(),
  /** The plan of care this visit is the next one of (an existing patient's active plan). */
  carePlanId: z.uuid({ error: "That plan of care is not one of the patient's." }).optional(),
}).superRefine((v, ctx) => {
  if (v.carePlanId && !v.patientId) {
    ctx.addIssue({ code: "custom", path: ["carePlanId"], message: "A visit of a plan of care is booked for the plan's patient." });
  }
  if (Boolean(v.patientId) === Boolean(v.newPatient)) {
    ctx.addIssue({ code: "custom", path: ["patientId"], message: "Choose an existing patient or register a new one." });
  }
  if (v.mode === "HOME" && v.newPatient && !v.newPatient.address && !v.visitAddress) {
    ctx.addIssue({ code: "custom", path: ["newPatient", "address"], message: "Enter the address where the patient is to be visited." });
  }
});
export type BookForCallerInput = z.infer<typeof bookForCallerSchema>;
