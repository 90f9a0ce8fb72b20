import "server-only";
import type { Message, Prisma } from "../db/generated/client";
import { publicBaseUrl } from "../env";
import { translator } from "../i18n/catalog";
import type { Language } from "../i18n/languages";
import { recordLinks } from "../patient-links/mutations";
import { messageLinkToken } from "../patient-links/tokens";
import { hashIntakeToken, INTAKE_LINK_DAYS_AFTER_VISIT } from "../progress/token";
import type { Block } from "./layout";
import type { MessageVisit } from "./visit";

/**
 * The intake form's private link, in the confirmation of a patient's first
 * visit: one with no earlier visit attended and no intake answered yet. Its
 * token derives from this message (a retried send carries the same link) and
 * only its hash is kept, open until a week after the visit's start.
 */
export async function intakeLink(tx: Prisma.TransactionClient, message: Message, visit: MessageVisit, language: Language): Promise<Block[]> {
  const [attended, answered] = await Promise.all([
    tx.appointment.count({ where: { patientId: visit.patientId, bookingId: { not: visit.bookingId }, status: { in: ["CHECKED_IN", "COMPLETED"] }, startsAt: { lt: visit.startsAt } } }),
    tx.intakeResponse.count({ where: { patientId: visit.patientId } }),
  ]);
  if (attended > 0 || answered > 0) return [];
  const token = messageLinkToken(message.id, "intake", visit.bookingId);
  await recordLinks(tx, [
    {
      tokenHash: hashIntakeToken(token),
      purpose: "INTAKE",
      patientId: visit.patientId,
      bookingId: visit.bookingId,
      messageId: message.id,
      expiresAt: new Date(visit.startsAt.getTime() + INTAKE_LINK_DAYS_AFTER_VISIT * 86_400_000),
    },
  ]);
  const t = translator(language, "messageIntake");
  return [
    { kind: "heading", text: t("heading") },
    { kind: "paragraph", text: t("intro") },
    { kind: "link", label: t("open"), url: `${publicBaseUrl()}/${language}/intake/${token}` },
  ];
}
