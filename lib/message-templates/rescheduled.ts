import "server-only";
import { formatDay, formatLongDate, formatTime } from "../i18n/format-date-time";
import type { Composer } from "../messages/kinds";
import { parseVisitChangeKey } from "../messages/visit-changes";
import { renderEmail } from "./layout";
import { visitAsNow } from "./visit-as-now";
import { calendarAttachment, calendarNote, cancellationPolicy, visitOpening, visitLinks, whatToBring } from "./visit";

const TEXT = {
  en: {
    subject: (day: string, time: string) => `Your visit has moved to ${day} at ${time}`,
    title: "Your visit has a new time",
    hello: (name: string) => `Hello ${name},`,
    intro: (practice: string) => `${practice} has changed your visit. These are its new details.`,
    was: (when: string) => `It was on ${when}.`,
  },
  es: {
    subject: (day: string, time: string) => `Su cita ahora es el ${day} a las ${time}`,
    title: "Su cita tiene un nuevo horario",
    hello: (name: string) => `Hola, ${name}:`,
    intro: (practice: string) => `${practice} ha cambiado su cita. Estos son los nuevos detalles.`,
    was: (when: string) => `Antes era el ${when}.`,
  },
} as const;

/**
 * The notice of a moved visit. Decided when sent: a visit that moved again
 * since (its revision or start is no longer the one this notice was queued
 * for) or was cancelled gets nothing from it; the newer notice tells the patient.
 */
export const composeRescheduled: Composer = async (tx, message, sender) => {
  const change = parseVisitChangeKey(message.dedupeKey);
  if (!change) return { skip: "The notice does not say which change it is about." };
  const now = new Date();
  const found = await visitAsNow(tx, message, now, (visit) =>
    visit.revision !== change.revision || visit.startsAt.getTime() !== change.start.getTime() ? "The visit changed again since; a newer notice tells the patient." : null,
  );
  if ("skip" in found) return found;
  const { visit, booking, to } = found;
  const language = message.language;
  const t = TEXT[language];
  const zone = booking.timeZone;
  const subject = t.subject(formatDay(booking.start, zone, language), formatTime(booking.start, zone, language));
  const previous = change.previousStart?.toISOString();
  const body = renderEmail({
    language,
    title: t.title,
    sender,
    blocks: [
      ...visitOpening(booking, visit.room?.name ?? null, language, { hello: t.hello, why: t.intro(sender.practiceName) }),
      ...(previous ? [{ kind: "paragraph" as const, text: t.was(`${formatLongDate(previous, zone, language)}, ${formatTime(previous, zone, language)}`) }] : []),
      ...visitLinks(booking, language),
      ...whatToBring(booking, language),
      ...cancellationPolicy(booking, sender, language),
      calendarNote(language),
    ],
  });
  return { to, subject, ...body, attachments: [calendarAttachment(booking, visit, now)] };
};
