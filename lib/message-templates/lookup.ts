import "server-only";
import { findVisitsForAddress } from "../booking-lookup/data";
import { publicBaseUrl } from "../env";
import { translator } from "../i18n/catalog";
import { formatDay, formatTime } from "../i18n/format-date-time";
import type { Composer } from "../messages/kinds";
import type { Block } from "./layout";
import { renderEmail } from "./layout";
import { loadVisits, visitFacts, visitForMessage, visitLinks } from "./visit";

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
  const t = translator(language, "messageLookup");
  // Skipped rows were listed when the query ran and changed since (a cancel racing the send).
  const visits = (await loadVisits(tx, found.appointmentIds)).filter((visit) => visit.status === "BOOKED" && visit.startsAt > now);
  if (visits.length === 0) {
    const body = renderEmail({
      language,
      title: t("emptyTitle"),
      sender,
      blocks: [
        { kind: "paragraph", text: t("empty") },
        { kind: "link", label: t("book"), url: `${publicBaseUrl()}/${language}/book` },
        { kind: "paragraph", text: t("why") },
      ],
    });
    return { to: found.recipient, subject: t("emptySubject", { practice: sender.practiceName }), ...body };
  }
  const severalPatients = new Set(visits.map((visit) => visit.patientId)).size > 1;
  const blocks: Block[] = [{ kind: "paragraph", text: t("intro", { count: visits.length }) }];
  for (const visit of visits) {
    const booking = await visitForMessage(tx, message, visit, now);
    blocks.push({ kind: "heading", text: `${formatDay(booking.start, booking.timeZone, language)}, ${formatTime(booking.start, booking.timeZone, language)}` });
    if (severalPatients) blocks.push({ kind: "paragraph", text: t("forPatient", { name: `${booking.patient.firstName} ${booking.patient.lastName}` }) });
    blocks.push(visitFacts(booking, visit.room?.name ?? null, language), ...visitLinks(booking, language));
  }
  blocks.push({ kind: "paragraph", text: t("why") });
  const body = renderEmail({ language, title: t("title"), sender, blocks });
  return { to: found.recipient, subject: t("subject", { practice: sender.practiceName }), ...body };
};
