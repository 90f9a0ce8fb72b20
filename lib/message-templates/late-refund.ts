import "server-only";
import { searchSlots } from "../booking/data";
import { isVisitStatus } from "../db/appointment-status";
import { publicBaseUrl } from "../env";
import { translator } from "../i18n/catalog";
import { formatLongDate, formatTime, formatZoneName } from "../i18n/format-date-time";
import { withoutDoubledPeriod } from "../i18n/final-period";
import { formatPrice } from "../i18n/format-price";
import type { Language } from "../i18n/languages";
import type { Composer } from "../messages/kinds";
import { localDateOf } from "../scheduling/zone-time";
import { takenNoticeReference } from "../booking/late-refund";
import { renderEmail } from "./layout";
import { loadMessageVisit, type MessageVisit } from "./visit";

const DAY_MS = 86_400_000;
/** How far ahead other times are looked for, and how many are offered. */
const ALTERNATIVE_DAYS = 7;
const ALTERNATIVES = 3;

const when = (instant: number, zone: string, language: Language) => {
  const iso = new Date(instant).toISOString();
  return `${formatLongDate(iso, zone, language)}, ${formatTime(iso, zone, language)}`;
};

/** Up to three open times of the same service and place in the next days, as the booking page would offer them now. */
async function otherTimes(visit: MessageVisit, now: Date): Promise<number[]> {
  const zone = visit.location.timeZone;
  const { slots } = await searchSlots({
    service: visit.service,
    mode: visit.mode,
    locations: [visit.location],
    from: localDateOf(now.getTime(), zone),
    to: localDateOf(now.getTime() + ALTERNATIVE_DAYS * DAY_MS, zone),
    now,
  });
  const starts = [...new Set(slots.map((s) => s.start))].sort((a, b) => a - b);
  return starts.slice(0, ALTERNATIVES);
}

/**
 * The patient paid (or saved their card) after their hold lapsed and someone
 * else had taken the time: a payment is refunded in full. Decided when sent: a visit booked
 * since (its time came free again) gets nothing; the other open times are
 * searched then, so they are still open when read.
 */
export const composeLateRefund: Composer = async (tx, message, sender) => {
  const now = new Date();
  const visit = await loadMessageVisit(tx, message);
  if (!visit) return { skip: "The visit no longer exists." };
  if (isVisitStatus(visit.status)) return { skip: "The visit was booked after all: its payment is kept." };
  const reference = takenNoticeReference(message.dedupeKey);
  if (!reference) return { skip: "The notice names no payment." };
  const payment = "paymentIntentId" in reference ? await tx.payment.findUnique({ where: { id: reference.paymentIntentId }, select: { amountCents: true, currency: true } }) : null;
  const charged = "paymentIntentId" in reference;
  if (charged && (!payment || payment.amountCents === null || !payment.currency)) return { skip: "The payment to refund is not recorded." };

  const language = message.language;
  const t = translator(language, "messageLateRefund");
  const zone = visit.location.timeZone;
  const facts = {
    practice: sender.practiceName,
    service: language === "es" ? visit.service.nameEs : visit.service.nameEn,
    when: when(visit.startsAt.getTime(), zone, language),
    amount: payment ? formatPrice(payment.amountCents!, payment.currency!, language) : "",
    charged: charged ? "yes" : "no",
  };
  const bookUrl = `${publicBaseUrl()}/${language}/book`;
  if (message.channel === "SMS") return { to: message.recipient, text: withoutDoubledPeriod(t("sms", { ...facts, url: bookUrl })) };

  const times = await otherTimes(visit, now);
  const body = renderEmail({
    language,
    title: t("title", facts),
    sender,
    blocks: [
      { kind: "paragraph", text: withoutDoubledPeriod(t("intro", facts)) },
      { kind: "paragraph", text: charged ? t("refund", facts) : t("noCharge") },
      { kind: "heading", text: t("otherTimes") },
      times.length > 0
        ? { kind: "list", items: times.map((start) => `${when(start, zone, language)} (${formatZoneName(zone, language)})`) }
        : { kind: "paragraph", text: t("noOtherTimes") },
      { kind: "link", label: t("book"), url: bookUrl },
    ],
  });
  return { to: message.recipient, subject: t("subject", facts), ...body };
};
