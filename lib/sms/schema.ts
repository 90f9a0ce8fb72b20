import { z } from "zod";

/** E.164, as texts are addressed and as Twilio names who sent one. */
export const E164 = /^\+[1-9][0-9]{6,14}$/;

/**
 * The fields Stride reads from Twilio's incoming-message webhook; Twilio
 * sends more (and adds fields over time), which are signed but ignored.
 */
export const inboundSmsSchema = z.object({
  MessageSid: z.string({ error: "MessageSid is missing." }).regex(/^(SM|MM)[0-9a-fA-F]{32}$/, "MessageSid is not a Twilio message id."),
  /** A phone number in E.164, or a short code or sender name, which Stride does not answer. */
  From: z.string({ error: "From is missing." }).min(1, "From is missing.").max(64),
  Body: z.string().max(1600, "Body is longer than a text message can be.").default(""),
});

export type InboundSms = z.output<typeof inboundSmsSchema>;

/**
 * What a reply asks for. The opt-out and opt-in words are Twilio's own: it
 * answers them itself and stops delivering texts to that number, so Stride
 * keeps the same list to stop queueing them. HELP and INFO Twilio answers too.
 */
export type ReplyIntent = "confirm" | "change" | "opt-out" | "opt-in" | "provider-answers" | "other";

const OPT_OUT_WORDS = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"]);
const OPT_IN_WORDS = new Set(["START", "UNSTOP", "YES"]);
const PROVIDER_WORDS = new Set(["HELP", "INFO"]);

/** Reads a reply as Twilio reads its keywords: the whole message, in any case, without surrounding spaces or a closing full stop. */
export function readReplyIntent(body: string): ReplyIntent {
  const word = body.normalize("NFKC").trim().toUpperCase().replace(/[.!\s]+$/u, "");
  if (word === "C") return "confirm";
  if (word === "R") return "change";
  if (OPT_OUT_WORDS.has(word)) return "opt-out";
  if (OPT_IN_WORDS.has(word)) return "opt-in";
  if (PROVIDER_WORDS.has(word)) return "provider-answers";
  return "other";
}
