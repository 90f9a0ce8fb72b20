import { z } from "zod";

export const testMessageSchema = z.object({
  recipient: z.email({ error: "Enter an email address, e.g. you@example.com." }).max(254, { error: "That address is too long." }),
  language: z.enum(["en", "es"], { error: "Choose English or Spanish." }),
  /** Made when the form is shown: sending the same form again sends nothing more. */
  formId: z.uuid({ error: "Reload the page and send again." }),
});

export type TestMessageForm = z.input<typeof testMessageSchema>;
