import "server-only";
import type { Message, Prisma } from "../db/generated/client";
import { translator } from "../i18n/catalog";

/** What a message says, decided when it is sent. */
export interface ComposedEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: Attachment[];
}

/** What a text message says: plain text, kept short (one or two segments). */
export interface ComposedSms {
  to: string;
  text: string;
}

/** A message the state of things no longer calls for: recorded as skipped, with why. */
export interface Skip {
  skip: string;
}

/** What every message may say about the practice it comes from, read once per send. */
export interface Sender {
  practiceName: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  cancellationPolicy: { en: string | null; es: string | null };
}

/** An attachment, e.g. a visit's calendar file. */
export interface Attachment {
  filename: string;
  contentType: string;
  content: string;
}

export type Composer = (tx: Prisma.TransactionClient, message: Message, sender: Sender) => Promise<ComposedEmail | ComposedSms | Skip>;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** An administrator checks that mail, or text messages, reach the outside world. */
export const composeTest: Composer = async (_tx, message, { practiceName: name }) => {
  const t = translator(message.language, "messageTest");
  if (message.channel === "SMS") return { to: message.recipient, text: t("sms", { practice: name }) };
  const subject = t("subject", { practice: name });
  const body = t("body");
  return {
    to: message.recipient,
    subject,
    text: `${subject}\n\n${body}\n`,
    html: `<!doctype html><html lang="${message.language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body><h1>${escapeHtml(subject)}</h1><p>${escapeHtml(body)}</p></body></html>`,
  };
};

/**
 * Every kind of message. How each is composed lives with what it speaks of
 * (lib/message-templates/), which may read bookings and visits; the outbox
 * itself knows none of them. Staff see each named by the staffOutbox
 * catalogue ("kind").
 */
export const MESSAGE_KINDS = ["test", "confirmation", "rescheduled", "cancelled", "therapist", "links", "lookup", "reminder", "taken", "program", "package"] as const;

export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** How every kind of message is composed. */
export type Composers = Record<MessageKind, Composer>;

export function isMessageKind(value: string): value is MessageKind {
  return (MESSAGE_KINDS as readonly string[]).includes(value);
}
