import "server-only";
import type { PatientLinkPurpose, Prisma } from "../db/generated/client";

export interface LinkRow {
  tokenHash: string;
  purpose: PatientLinkPurpose;
  patientId: string;
  bookingId?: string | null;
  messageId?: string | null;
  expiresAt?: Date | null;
}

/** Records links a message carries. Recording the same link again (a retried send) changes nothing. */
export async function recordLinks(tx: Prisma.TransactionClient, rows: LinkRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.patientLink.createMany({ data: rows, skipDuplicates: true });
}
