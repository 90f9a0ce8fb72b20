import { z } from "zod";
import { languageSchema } from "../i18n/language-schema";

/** "Find my booking": the address to send the links to, and the language to write in. Shared by the page and the API. */
export const bookingLookupSchema = z.object({
  email: z
    .string({ error: "Enter your email address." })
    .trim()
    .min(1, "Enter your email address.")
    .max(254, "That address is too long.")
    .pipe(z.email({ error: "Enter a valid email address, e.g. name@example.com." })),
  language: languageSchema.default("en"),
});

export type BookingLookupInput = z.input<typeof bookingLookupSchema>;

/** The one answer the API gives, whether or not the address belongs to a patient. */
export const BOOKING_LOOKUP_ANSWER = {
  status: "sent-if-known",
  message: "If this address has visits with us, we have sent it a message with their links. Check your inbox and spam folder.",
} as const;

export type BookingLookupAnswer = typeof BOOKING_LOOKUP_ANSWER;
