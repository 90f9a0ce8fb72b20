import "server-only";
import { visitTermsText } from "../booking/visit-terms-text";
import type { Message, Prisma } from "../db/generated/client";
import { translator } from "../i18n/catalog";
import { withoutDoubledPeriod } from "../i18n/final-period";
import { formatDay, formatTime } from "../i18n/format-date-time";
import type { ComposedSms, Composer, Sender, Skip } from "../messages/kinds";
import { isOnlinePaymentOn } from "../payments/config";
import { paymentTerms } from "../payments/payment-terms";
import { findFeePolicy } from "../practice/data";
import { reminderStartOf } from "../reminders/dedupe-key";
import { tooLateTonight } from "../reminders/schedule";
import { renderEmail } from "./layout";
import { reminderLinksFor } from "./reminder-links";
import { loadMessageVisit, visitOpening, visitStartWords, visitLinks, type MessageVisit } from "./visit";
import { visitAsNow } from "./visit-as-now";

/**
 * Why a reminder is no longer right to send now, from the booked visit as it
 * is now rather than as it was when the reminder was queued; null when it is.
 */
function whyNotRemind(message: Message, visit: MessageVisit, now: Date): string | null {
  const queuedFor = reminderStartOf(message.dedupeKey);
  if (!queuedFor || queuedFor.getTime() !== visit.startsAt.getTime()) return "The visit was moved; its new time has a reminder of its own.";
  if (message.channel === "EMAIL" ? visit.patient.emailRemindersOff : visit.patient.smsRemindersOff) {
    return `The patient turned off reminders by ${message.channel === "EMAIL" ? "email" : "text message"}.`;
  }
  if (tooLateTonight(now.getTime(), visit.location.timeZone)) return "It is night at the visit's location (quiet hours, 21:00–08:00); a late reminder is not sent.";
  // sendAfter is when it was due; with less than half its lead time left, the visit is too close for it.
  const start = visit.startsAt.getTime();
  if (now.getTime() >= start - (start - message.sendAfter.getTime()) / 2) return "The reminder is too late: the visit is about to start.";
  return null;
}

/** The email reminder: the visit, the answer links, the manage and video links, and the way to stop reminders. */
export const composeReminder: Composer = async (tx, message, sender) => {
  if (message.channel === "SMS") return composeReminderText(tx, message, sender);
  const now = new Date();
  const found = await visitAsNow(tx, message, now, (visit) => whyNotRemind(message, visit, now));
  if ("skip" in found) return found;
  const { visit, booking, to } = found;
  const language = message.language;
  const t = translator(language, "messageReminder");
  const links = await reminderLinksFor(tx, message, visit, now);
  const subject = t("subject", visitStartWords(booking, language));
  const body = renderEmail({
    language,
    title: t("title"),
    sender,
    blocks: [
      ...visitOpening(booking, visit.room?.name ?? null, language, t("intro", { practice: sender.practiceName })),
      { kind: "heading", text: t("answer") },
      { kind: "paragraph", text: t("answerHelp") },
      { kind: "link", label: t("coming"), url: links.coming },
      { kind: "link", label: t("change"), url: links.change },
      ...visitLinks(booking, language),
      { kind: "heading", text: t("reminders") },
      { kind: "paragraph", text: t("preferencesHelp") },
      { kind: "link", label: t("preferences"), url: links.preferences },
    ],
  });
  return { to, subject, ...body };
};

/** The text-message reminder: short, with the same answer links (or a C/R reply) and the way to stop reminders. */
async function composeReminderText(tx: Prisma.TransactionClient, message: Message, sender: Sender): Promise<ComposedSms | Skip> {
  const now = new Date();
  const visit = await loadMessageVisit(tx, message);
  if (!visit) return { skip: "The visit no longer exists." };
  if (visit.status !== "BOOKED") return { skip: `The visit is ${visit.status.toLowerCase().replace("_", " ")} now.` };
  const why = whyNotRemind(message, visit, now);
  if (why) return { skip: why };
  if (!visit.patient.phone) return { skip: "The patient has no phone number." };
  const language = message.language;
  const start = visit.startsAt.toISOString();
  const zone = visit.location.timeZone;
  const links = await reminderLinksFor(tx, message, visit, now);
  const { service } = visit;
  const payment = paymentTerms(service, await findFeePolicy(tx), isOnlinePaymentOn());
  const { fees } = visitTermsText(language, { ...service, mode: visit.mode, payment });
  return {
    to: visit.patient.phone,
    text: withoutDoubledPeriod(
      translator(language, "messageReminder")("sms", {
        practice: sender.practiceName,
        day: formatDay(start, zone, language),
        time: formatTime(start, zone, language),
        coming: links.coming,
        change: links.change,
        preferences: links.preferences,
        fees: fees ?? "none",
      }),
    ),
  };
}
