import "server-only";
import { translator } from "../i18n/catalog";
import { withoutDoubledPeriod } from "../i18n/final-period";
import { formatLongDate, formatTime } from "../i18n/format-date-time";
import type { Composer } from "../messages/kinds";
import { parseVisitChangeKey } from "../messages/visit-changes";
import { renderEmail } from "./layout";
import { visitAsNow } from "./visit-as-now";
import { calendarAttachment, calendarNote, cancellationPolicy, visitOpening, visitStartWords, visitLinks, whatToBring } from "./visit";

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
  const t = translator(language, "messageRescheduled");
  const zone = booking.timeZone;
  const subject = t("subject", visitStartWords(booking, language));
  const previous = change.previousStart?.toISOString();
  const body = renderEmail({
    language,
    title: t("title"),
    sender,
    blocks: [
      ...visitOpening(booking, visit.room?.name ?? null, language, t("intro", { practice: sender.practiceName })),
      ...(previous ? [{ kind: "paragraph" as const, text: withoutDoubledPeriod(t("was", { when: `${formatLongDate(previous, zone, language)}, ${formatTime(previous, zone, language)}` })) }] : []),
      ...visitLinks(booking, language),
      ...whatToBring(booking, language),
      ...cancellationPolicy(booking, sender, language),
      calendarNote(language),
    ],
  });
  return { to, subject, ...body, attachments: [calendarAttachment(booking, visit, now)] };
};
