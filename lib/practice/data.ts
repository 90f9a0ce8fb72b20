import "server-only";
import { cache } from "react";
import { getPrisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { Language } from "../i18n/languages";
import { imageUrl } from "../images/mutations";
import { NO_FEES, type CancellationPolicy } from "../payments/rules";

/** What patients see before a practice has entered its own name (a new installation not set up yet). */
export const FALLBACK_PRACTICE_NAME = "Stride";

export interface PracticeDetails {
  name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  /** Where the logo is served from, or null when the practice has none. */
  logoUrl: string | null;
  logoImageId: string | null;
  cancellationPolicy: Record<Language, string | null>;
  privacyPolicy: Record<Language, string | null>;
  isDemo: boolean;
  /** Hours before a visit each kind of reminder goes; 0 for none. */
  reminderHours: { email: number; sms: number };
  /** The late-cancellation window and fees, in the visit's service currency. */
  feePolicy: CancellationPolicy;
  /** False on an installation whose setup has not run: the details are the neutral fallback. */
  saved: boolean;
}

/**
 * The practice's details as patients see them, read on every request (once
 * per request, through React's cache) so a change in the settings shows on
 * the next page load. Without a practice row every detail is neutral.
 */
export const findPracticeDetails = cache(async (): Promise<PracticeDetails> => {
  const row = await getPrisma().practice.findUnique({ where: { id: 1 } });
  if (!row) {
    return {
      name: FALLBACK_PRACTICE_NAME,
      phone: null,
      email: null,
      address: null,
      logoUrl: null,
      logoImageId: null,
      cancellationPolicy: { en: null, es: null },
      privacyPolicy: { en: null, es: null },
      isDemo: false,
      reminderHours: { email: 24, sms: 2 },
      feePolicy: NO_FEES,
      saved: false,
    };
  }
  return {
    name: row.name,
    phone: row.phone,
    email: row.email,
    address: row.address,
    logoUrl: row.logoImageId ? imageUrl(row.logoImageId) : null,
    logoImageId: row.logoImageId,
    cancellationPolicy: { en: row.cancellationPolicyEn, es: row.cancellationPolicyEs },
    privacyPolicy: { en: row.privacyPolicyEn, es: row.privacyPolicyEs },
    isDemo: row.isDemo,
    reminderHours: { email: row.emailReminderHours, sms: row.smsReminderHours },
    feePolicy: { lateCancelWindowMinutes: row.lateCancelWindowMinutes, lateCancelFeeCents: row.lateCancelFeeCents, noShowFeeCents: row.noShowFeeCents },
    saved: true,
  };
});

/**
 * The practice's cancellation policy alone, read in the caller's transaction
 * when it has one (a message composed while it is marked sent); the defaults
 * before the practice is first saved.
 */
export async function findFeePolicy(tx: Prisma.TransactionClient = getPrisma()): Promise<CancellationPolicy> {
  const practice = await tx.practice.findUnique({
    where: { id: 1 },
    select: { lateCancelWindowMinutes: true, lateCancelFeeCents: true, noShowFeeCents: true },
  });
  return practice ?? NO_FEES;
}
