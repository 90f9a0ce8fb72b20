import "server-only";
import { formatDay, formatTime } from "../i18n/format-date-time";
import type { Composer } from "../messages/kinds";
import { renderEmail } from "./layout";
import { calendarAttachment, calendarNote, cancellationPolicy, visitOpening, visitLinks, whatToBring } from "./visit";
import { visitAsNow } from "./visit-as-now";

const TEXT = {
  en: {
    subject: (day: string, time: string) => `Your visit on ${day} at ${time} is booked`,
    title: "Your visit is booked",
    hello: (name: string) => `Hello ${name},`,
    intro: (practice: string) => `${practice} has booked this visit for you.`,
  },
  es: {
    subject: (day: string, time: string) => `Su cita del ${day} a las ${time} está reservada`,
    title: "Su cita está reservada",
    hello: (name: string) => `Hola, ${name}:`,
    intro: (practice: string) => `${practice} ha reservado esta cita para usted.`,
  },
} as const;

/**
 * The confirmation of a booking, online or by the desk. Decided when sent: a
 * visit cancelled or moved by the patient first gets no confirmation (the
 * change notice tells them instead); a visit the desk moved is confirmed at
 * its new time.
 */
export const composeConfirmation: Composer = async (tx, message, sender) => {
  const now = new Date();
  const found = await visitAsNow(tx, message, now);
  if ("skip" in found) return found;
  const { visit, booking, to } = found;
  const language = message.language;
  const t = TEXT[language];
  const subject = t.subject(formatDay(booking.start, booking.timeZone, language), formatTime(booking.start, booking.timeZone, language));
  const body = renderEmail({
    language,
    title: t.title,
    sender,
    blocks: [
      ...visitOpening(booking, visit.room?.name ?? null, language, { hello: t.hello, why: t.intro(sender.practiceName) }),
      ...visitLinks(booking, language),
      ...whatToBring(booking, language),
      ...cancellationPolicy(booking, sender, language),
      calendarNote(language),
    ],
  });
  return { to, subject, ...body, attachments: [calendarAttachment(booking, visit, now)] };
};
