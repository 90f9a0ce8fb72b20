import "server-only";
import { publicBaseUrl } from "../env";
import { formatDay, formatTime } from "../i18n/format-date-time";
import type { Composer } from "../messages/kinds";
import { renderEmail } from "./layout";
import { visitAsNow } from "./visit-as-now";
import { calendarAttachment, visitOpening } from "./visit";

const TEXT = {
  en: {
    subject: (day: string, time: string) => `Your visit on ${day} at ${time} is cancelled`,
    title: "Your visit is cancelled",
    hello: (name: string) => `Hello ${name},`,
    byPatient: "As you asked, this visit is cancelled.",
    byClinic: (practice: string) => `${practice} has had to cancel this visit. We are sorry for the trouble; call us if you would like to know more.`,
    bookAgain: "Book another visit",
    calendarFile: "The attached calendar file removes this visit from your calendar.",
  },
  es: {
    subject: (day: string, time: string) => `Su cita del ${day} a las ${time} está cancelada`,
    title: "Su cita está cancelada",
    hello: (name: string) => `Hola, ${name}:`,
    byPatient: "Tal como lo pidió, esta cita está cancelada.",
    byClinic: (practice: string) => `${practice} ha tenido que cancelar esta cita. Lamentamos la molestia; llámenos si desea saber más.`,
    bookAgain: "Reservar otra cita",
    calendarFile: "El archivo de calendario adjunto quita esta cita de su calendario.",
  },
} as const;

/**
 * The notice of a cancelled visit, saying who cancelled it: the clinic when
 * staff asked for the notice, the patient otherwise. The clinic's reason is
 * its own note and is never sent. Decided when sent: a visit that is not
 * cancelled then gets nothing.
 */
export const composeCancelled: Composer = async (tx, message, sender) => {
  const now = new Date();
  const found = await visitAsNow(tx, message, now, () => null, "CANCELLED");
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
      ...visitOpening(booking, visit.room?.name ?? null, language, { hello: t.hello, why: message.requestedById ? t.byClinic(sender.practiceName) : t.byPatient }),
      { kind: "link", label: t.bookAgain, url: `${publicBaseUrl()}/${language}/book` },
      { kind: "paragraph", text: t.calendarFile },
    ],
  });
  return { to, subject, ...body, attachments: [calendarAttachment(booking, visit, now)] };
};
