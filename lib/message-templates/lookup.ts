import "server-only";
import { findVisitsForAddress } from "../booking-lookup/data";
import { publicBaseUrl } from "../env";
import { formatDay, formatTime } from "../i18n/format-date-time";
import type { Composer } from "../messages/kinds";
import type { Block } from "./layout";
import { renderEmail } from "./layout";
import { loadVisits, visitFacts, visitForMessage, visitLinks } from "./visit";

const TEXT = {
  en: {
    subject: (practice: string) => `Your upcoming visits with ${practice}`,
    title: "Your upcoming visits",
    intro: (count: number) =>
      count === 1 ? "Here is the visit booked with this email address, with its own links." : `Here are the ${count} visits booked with this email address, each with its own links.`,
    emptySubject: (practice: string) => `No upcoming visits with ${practice}`,
    emptyTitle: "No upcoming visits",
    empty: "We found no upcoming visits booked with this email address. Visits that were cancelled or have already taken place are not listed.",
    book: "Book a visit",
    forPatient: (name: string) => `For ${name}`,
    why: "You get this message because someone asked on our website for the links to the visits booked with this address. If that was not you, you can ignore it: nothing has changed.",
  },
  es: {
    subject: (practice: string) => `Sus próximas citas con ${practice}`,
    title: "Sus próximas citas",
    intro: (count: number) =>
      count === 1 ? "Esta es la cita reservada con esta dirección de correo, con sus propios enlaces." : `Estas son las ${count} citas reservadas con esta dirección de correo, cada una con sus propios enlaces.`,
    emptySubject: (practice: string) => `No tiene próximas citas con ${practice}`,
    emptyTitle: "No tiene próximas citas",
    empty: "No encontramos próximas citas reservadas con esta dirección de correo. Las citas canceladas o que ya pasaron no aparecen.",
    book: "Reservar una cita",
    forPatient: (name: string) => `Para ${name}`,
    why: "Recibe este mensaje porque alguien pidió en nuestro sitio web los enlaces de las citas reservadas con esta dirección. Si no fue usted, puede ignorarlo: no ha cambiado nada.",
  },
} as const;

/**
 * "Find my booking": the upcoming visits of every patient with this address,
 * each with links of its own. Decided when sent: a visit cancelled or past by
 * then is not listed, and an address no patient has any more gets nothing.
 */
export const composeLookup: Composer = async (tx, message, sender) => {
  const now = new Date();
  const found = await findVisitsForAddress(tx, message.recipient, now);
  if (!found.recipient) return { skip: "No patient has this email address now." };
  const language = message.language;
  const t = TEXT[language];
  // Skipped rows were listed when the query ran and changed since (a cancel racing the send).
  const visits = (await loadVisits(tx, found.appointmentIds)).filter((visit) => visit.status === "BOOKED" && visit.startsAt > now);
  if (visits.length === 0) {
    const body = renderEmail({
      language,
      title: t.emptyTitle,
      sender,
      blocks: [
        { kind: "paragraph", text: t.empty },
        { kind: "link", label: t.book, url: `${publicBaseUrl()}/${language}/book` },
        { kind: "paragraph", text: t.why },
      ],
    });
    return { to: found.recipient, subject: t.emptySubject(sender.practiceName), ...body };
  }
  const severalPatients = new Set(visits.map((visit) => visit.patientId)).size > 1;
  const blocks: Block[] = [{ kind: "paragraph", text: t.intro(visits.length) }];
  for (const visit of visits) {
    const booking = await visitForMessage(tx, message, visit, now);
    blocks.push({ kind: "heading", text: `${formatDay(booking.start, booking.timeZone, language)}, ${formatTime(booking.start, booking.timeZone, language)}` });
    if (severalPatients) blocks.push({ kind: "paragraph", text: t.forPatient(`${booking.patient.firstName} ${booking.patient.lastName}`) });
    blocks.push(visitFacts(booking, visit.room?.name ?? null, language), ...visitLinks(booking, language));
  }
  blocks.push({ kind: "paragraph", text: t.why });
  const body = renderEmail({ language, title: t.title, sender, blocks });
  return { to: found.recipient, subject: t.subject(sender.practiceName), ...body };
};
