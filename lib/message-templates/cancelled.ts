import "server-only";
import { publicBaseUrl } from "../env";
import { translator } from "../i18n/catalog";
import { formatPrice } from "../i18n/format-price";
import type { Composer } from "../messages/kinds";
import { renderEmail } from "./layout";
import { visitAsNow } from "./visit-as-now";
import { calendarAttachment, visitOpening, visitStartWords } from "./visit";

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
  const t = translator(language, "messageCancelled");
  const subject = t("subject", visitStartWords(booking, language));
  // What the patient's cancellation gave back and kept, as decided when they cancelled.
  const money = (cents: number) => formatPrice(cents, visit.service.currency.toUpperCase(), language);
  const refund = visit.cancelRefundCents !== null && visit.cancelRefundCents > 0 ? [{ kind: "paragraph" as const, text: t("refund", { refund: money(visit.cancelRefundCents) }) }] : [];
  const kept = visit.cancelKeptCents !== null && visit.cancelKeptCents > 0 ? [{ kind: "paragraph" as const, text: t("kept", { kept: money(visit.cancelKeptCents) }) }] : [];
  const body = renderEmail({
    language,
    title: t("title"),
    sender,
    blocks: [
      ...visitOpening(booking, visit.room?.name ?? null, language, t("why", { by: message.requestedById ? "clinic" : "patient", practice: sender.practiceName })),
      ...refund,
      ...kept,
      { kind: "link", label: t("bookAgain"), url: `${publicBaseUrl()}/${language}/book` },
      { kind: "paragraph", text: t("calendarFile") },
    ],
  });
  return { to, subject, ...body, attachments: [calendarAttachment(booking, visit, now)] };
};
