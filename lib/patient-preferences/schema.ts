import { z } from "zod";

/** A ticked box is sent as "on"; an unticked one is not sent at all. */
const ticked = z
  .string()
  .optional()
  .transform((s) => s === "on");

/** The preferences form: which reminders the patient still wants. */
export const reminderPreferencesSchema = z.object({
  emailReminders: ticked,
  smsReminders: ticked,
});

export type ReminderPreferencesForm = z.input<typeof reminderPreferencesSchema>;
