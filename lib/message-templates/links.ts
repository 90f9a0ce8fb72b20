import "server-only";
import { translator } from "../i18n/catalog";
import type { Composer } from "../messages/kinds";
import { renderEmail } from "./layout";
import { visitAsNow } from "./visit-as-now";
import { calendarAttachment, calendarNote, cancellationPolicy, visitOpening, visitLinks } from "./visit";

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
  const t = translator(language, "messageLinks");
  const body = renderEmail({
    language,
    title: t("subject"),
    sender,
    blocks: [
      ...visitOpening(booking, visit.room?.name ?? null, language, t("intro", { practice: sender.practiceName })),
      ...visitLinks(booking, language),
      ...cancellationPolicy(booking, sender, language),
      calendarNote(language),
    ],
  });
  return { to, subject: t("subject"), ...body, attachments: [calendarAttachment(booking, visit, now)] };
};
