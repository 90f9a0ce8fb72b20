import "server-only";
import type { Composer } from "../messages/kinds";
import { renderEmail } from "./layout";
import { visitAsNow } from "./visit-as-now";
import { calendarAttachment, calendarNote, cancellationPolicy, visitOpening, visitLinks } from "./visit";

const TEXT = {
  en: {
    subject: "Your visit links",
    hello: (name: string) => `Hello ${name},`,
    intro: (practice: string) => `${practice} is sending you the links to your visit again, as you asked. Use them to see, change or cancel it.`,
  },
  es: {
    subject: "Los enlaces de su cita",
    hello: (name: string) => `Hola, ${name}:`,
    intro: (practice: string) => `${practice} le envía de nuevo los enlaces de su cita, como lo pidió. Úselos para ver, cambiar o cancelar su cita.`,
  },
} as const;

/**
 * A visit's links sent again by the front desk, with fresh links of this
 * message's own. Decided when sent: a visit no longer booked gets nothing.
 */
export const composeLinks: Composer = async (tx, message, sender) => {
  const now = new Date();
  const found = await visitAsNow(tx, message, now);
  if ("skip" in found) return found;
  const { visit, booking, to } = found;
  const language = message.language;
  const t = TEXT[language];
  const body = renderEmail({
    language,
    title: t.subject,
    sender,
    blocks: [
      ...visitOpening(booking, visit.room?.name ?? null, language, { hello: t.hello, why: t.intro(sender.practiceName) }),
      ...visitLinks(booking, language),
      ...cancellationPolicy(booking, sender, language),
      calendarNote(language),
    ],
  });
  return { to, subject: t.subject, ...body, attachments: [calendarAttachment(booking, visit, now)] };
};
