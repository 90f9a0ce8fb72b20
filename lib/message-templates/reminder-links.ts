import "server-only";
import { hashManageToken } from "../booking/manage-token";
import type { Message, Prisma } from "../db/generated/client";
import { publicBaseUrl } from "../env";
import type { Language } from "../i18n/languages";
import { recordLinks } from "../patient-links/mutations";
import { messageLinkToken } from "../patient-links/tokens";
import type { MessageVisit } from "./visit";

/** How long a reminder's link to the patient's preferences works. */
export const PREFERENCES_LINK_DAYS = 90;

export interface ReminderLinks {
  coming: string;
  change: string;
  preferences: string;
}

/**
 * The links only a reminder carries: "I'll be there" and "I need to change"
 * (one token for the booking, the answer in the address: the page they open
 * asks for a press of a button, so a mail scanner fetching them changes
 * nothing) and the patient's reminder preferences. Derived from the message
 * like its manage link, so a retried send carries the same ones; only their
 * hashes are stored.
 */
export async function reminderLinksFor(tx: Prisma.TransactionClient, message: Message, visit: MessageVisit, now: Date): Promise<ReminderLinks> {
  const attendance = messageLinkToken(message.id, "attendance", visit.bookingId);
  const preferences = messageLinkToken(message.id, "preferences", visit.patientId);
  await recordLinks(tx, [
    { tokenHash: hashManageToken(attendance), purpose: "ATTENDANCE", patientId: visit.patientId, bookingId: visit.bookingId, messageId: message.id },
    {
      tokenHash: hashManageToken(preferences),
      purpose: "PREFERENCES",
      patientId: visit.patientId,
      messageId: message.id,
      expiresAt: new Date(now.getTime() + PREFERENCES_LINK_DAYS * 86_400_000),
    },
  ]);
  const base = publicBaseUrl();
  const language: Language = message.language;
  return {
    coming: `${base}/${language}/attendance/${attendance}?answer=coming`,
    change: `${base}/${language}/attendance/${attendance}?answer=change`,
    preferences: `${base}/${language}/preferences/${preferences}`,
  };
}
