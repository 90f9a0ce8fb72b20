import "server-only";
import type { Prisma } from "../db/generated/client";

/** How many visits one message lists: more than any patient books ahead, and a bound on the work one request can cause. */
export const LOOKUP_VISIT_LIMIT = 20;

export interface AddressVisits {
  /** Every patient record with this address (several people may share one). */
  patientIds: string[];
  /** Their booked visits still to come, soonest first. */
  appointmentIds: string[];
  /** The address as the clinic's records spell it, or null when no patient has it. */
  recipient: string | null;
}

/**
 * The patients with an address (compared without regard to case, through the
 * index on lower(email)) and their upcoming booked visits, in one statement:
 * an unknown address costs the same query as a known one.
 */
export async function findVisitsForAddress(tx: Prisma.TransactionClient, email: string, now: Date): Promise<AddressVisits> {
  const rows = await tx.$queryRaw<{ patientId: string; email: string; appointmentId: string | null }[]>`
    SELECT p."id" AS "patientId", p."email", a."id" AS "appointmentId"
      FROM "Patient" p
      LEFT JOIN LATERAL (
        SELECT "id", "startsAt" FROM "Appointment"
         WHERE "patientId" = p."id" AND "status" = 'BOOKED' AND "startsAt" > ${now}
         ORDER BY "startsAt" LIMIT ${LOOKUP_VISIT_LIMIT}
      ) a ON true
     WHERE lower(p."email") = lower(${email})
     ORDER BY a."startsAt" NULLS LAST, p."createdAt"
     LIMIT ${LOOKUP_VISIT_LIMIT * 5}`;
  return {
    patientIds: [...new Set(rows.map((row) => row.patientId))],
    appointmentIds: rows.flatMap((row) => (row.appointmentId ? [row.appointmentId] : [])).slice(0, LOOKUP_VISIT_LIMIT),
    recipient: rows[0]?.email ?? null,
  };
}
