import { z } from "zod";
import { phoneSchema } from "../phone/schema";

const language = z.enum(["en", "es"], { error: "Choose English or Spanish." });
/** Made when the form is shown: sending the same form again sends nothing more. */
const formId = z.uuid({ error: "Reload the page and send again." });

/** An administrator's test message: an email, or a text message where Twilio is configured. */
export const testMessageSchema = z.discriminatedUnion(
  "channel",
  [
    z.object({
      channel: z.literal("EMAIL"),
      recipient: z.email({ error: "Enter an email address, e.g. you@example.com." }).max(254, { error: "That address is too long." }),
      language,
      formId,
    }),
    z.object({ channel: z.literal("SMS"), recipient: phoneSchema, language, formId }),
  ],
  { error: "Reload the page and send again." },
);

export type TestMessageForm = z.input<typeof testMessageSchema>;

export const resendLinksSchema = z.object({
  appointmentId: z.uuid({ error: "Choose a visit." }),
  /** Made when the button is shown: one click queues one message, a double click no second. */
  formId: z.uuid({ error: "Reload the page and send again." }),
});

export type ResendLinksForm = z.input<typeof resendLinksSchema>;

export const visitMessagesSchema = z.object({ appointmentId: z.uuid({ error: "Choose a visit." }) });
