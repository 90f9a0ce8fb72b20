import { z } from "zod";
import { instantSchema, languageSchema, patientDetailsSchema, versionStampSchema, visitModeSchema } from "../booking/schema";
import { visibleString } from "../booking/visible-text";

// Inputs of the staff calendar's writes, shared by its forms and its API.

const updatedAt = versionStampSchema("Reload the calendar and try again.");

export const moveAppointmentSchema = z.object({
  start: instantSchema,
  therapistId: z.uuid({ error: "Choose a therapist." }),
  expectedUpdatedAt: updatedAt.optional(),
});
export type MoveAppointmentInput = z.infer<typeof moveAppointmentSchema>;

export const statusChangeSchema = z.object({
  action: z.enum(["check-in", "complete", "no-show", "cancel"], { error: "Choose check in, complete, no-show or cancel." }),
  reason: visibleString().trim().max(500).optional(),
  expectedUpdatedAt: updatedAt.optional(),
});

export const bookForCallerSchema = z.object({
  serviceId: z.uuid({ error: "Choose a service." }),
  locationId: z.uuid({ error: "Choose a location." }),
  therapistId: z.uuid({ error: "Choose a therapist." }),
  mode: visitModeSchema,
  start: instantSchema,
  /** An existing patient, or the details of a new one. */
  patientId: z.uuid({ error: "Choose a patient." }).optional(),
  newPatient: patientDetailsSchema.optional(),
  reason: visibleString().trim().max(500).optional(),
  language: languageSchema.optional(),
}).refine((v) => Boolean(v.patientId) !== Boolean(v.newPatient), {
  path: ["patientId"],
  message: "Choose an existing patient or register a new one.",
});
export type BookForCallerInput = z.infer<typeof bookForCallerSchema>;
