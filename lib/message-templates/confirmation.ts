import "server-only";
import { translator } from "../i18n/catalog";
import type { Composer } from "../messages/kinds";
import { intakeLink } from "./intake-link";
import { renderEmail } from "./layout";
import { paymentReceipt } from "./receipt";
import { seriesVisits } from "./series";
import { calendarAttachment, calendarNote, cancellationPolicy, visitOpening, visitStartWords, visitLinks, whatToBring } from "./visit";
import { visitAsNow } from "./visit-as-now";

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
  const t = translator(language, "messageConfirmation");
  const subject = t("subject", visitStartWords(booking, language));
  const body = renderEmail({
    language,
    title: t("title"),
    sender,
    blocks: [
      ...visitOpening(booking, visit.room?.name ?? null, language, t("intro", { practice: sender.practiceName })),
      ...(await paymentReceipt(tx, visit, language)),
      ...(await seriesVisits(tx, visit, language)),
      ...visitLinks(booking, language),
      ...(await intakeLink(tx, message, visit, language)),
      ...whatToBring(booking, language),
      ...cancellationPolicy(booking, sender, language),
      calendarNote(language),
    ],
  });
  return { to, subject, ...body, attachments: [calendarAttachment(booking, visit, now)] };
};
