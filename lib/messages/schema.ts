import { z } from "zod";

export const testMessageSchema = z.object({
  recipient: z.email({ error: "Enter an email address, e.g. you@example.com." }).max(254, { error: "That address is too long." }),
  language: z.enum(["en", "es"], { error: "Choose English or Spanish." }),
  /** Made when the form is shown: sending the same form again sends nothing more. */
  formId: z.uuid({ error: "Reload the page and send again." }),
});

export type TestMessageForm = z.input<typeof testMessageSchema>;

export const resendLinksSchema = z.object({
  appointmentId: z.uuid({ error: "Choose a visit." }),
  /** Made when the button is shown: one click queues one message, a double click no second. */
  formId: z.uuid({ error: "Reload the page and send again." }),
});

export type ResendLinksForm = z.input<typeof resendLinksSchema>;

export const visitMessagesSchema = z.object({ appointmentId: z.uuid({ error: "Choose a visit." }) });
