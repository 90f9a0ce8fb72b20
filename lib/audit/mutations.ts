import "server-only";
import { Prisma } from "../db/generated/client";
import type { AuditAction } from "./actions";

export interface AuditEntry {
  /** Null when the actor is not a staff member (a patient with a manage link, the system). */
  staffUserId?: string | null;
  /** Human-readable actor, e.g. "patient via manage link" or a staff email. */
  actor: string;
  action: AuditAction;
  entity: string;
  entityId: string;
  /** The one patient concerned. */
  patientId?: string | null;
  /**
   * Every patient a list showed (search results, a therapist's day). Each is
   * linked to the row, so the log filtered by patient finds the list; when
   * there is exactly one, it is also the row's patientId.
   */
  patientIds?: readonly string[];
  ipAddress?: string | null;
  detail?: Prisma.InputJsonValue;
}

/** Writes an audit row inside the caller's transaction, so the log and the change commit together. */
export async function recordAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  const listed = [...new Set(entry.patientIds ?? [])];
  await tx.auditLog.create({
    data: {
      staffUserId: entry.staffUserId ?? null,
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      patientId: entry.patientId ?? (listed.length === 1 ? listed[0] : null),
      ipAddress: entry.ipAddress ?? null,
      detail: entry.detail,
      // A nested write: the row and its links go in one statement's transaction.
      ...(listed.length > 0 ? { patients: { createMany: { data: listed.map((patientId) => ({ patientId })) } } } : {}),
    },
  });
}

/**
 * recordAudit as a statement to run inside a read's own statement (as a
 * data-modifying WITH), so a read that is audited on every request makes one
 * round trip: the row is written only when `onlyIf`, a boolean SQL
 * expression, holds (e.g. the thing read exists), and commits with the read.
 * For entries that list no patients.
 */
export function auditInsertSql(entry: Omit<AuditEntry, "patientIds">, onlyIf: Prisma.Sql): Prisma.Sql {
  const detail = entry.detail === undefined ? null : JSON.stringify(entry.detail);
  return Prisma.sql`INSERT INTO "AuditLog" ("staffUserId", "actor", "action", "entity", "entityId", "patientId", "ipAddress", "detail")
    SELECT ${entry.staffUserId ?? null}::uuid, ${entry.actor}, ${entry.action}, ${entry.entity}, ${entry.entityId},
           ${entry.patientId ?? null}::uuid, ${entry.ipAddress ?? null}, ${detail}::jsonb
     WHERE ${onlyIf}`;
}
