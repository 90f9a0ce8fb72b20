import "server-only";
import { z } from "zod";
import type { StaffRole } from "../db/generated/enums";

/** Who is reading: the log checks the role itself. */
interface AuditReader {
  role: StaffRole;
}
import { getPrisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import type { AuditAction } from "./actions";

export const AUDIT_PAGE_SIZE = 50;
const DAY_MS = 86_400_000;

/** Where a page of the log starts: just after the last entry of the page before. */
export interface AuditCursor {
  at: Date;
  id: string;
}

export interface AuditFilters {
  staffUserId?: string;
  action?: AuditAction;
  patientId?: string;
  /** First day, YYYY-MM-DD, read in UTC. */
  from?: string;
  /** Last day (inclusive), YYYY-MM-DD, read in UTC. */
  to?: string;
  after?: AuditCursor;
}

export interface AuditEntry {
  id: string;
  at: Date;
  /** The staff member's name, or the actor text when no staff member acted (or the account is gone). */
  who: string;
  staffUserId: string | null;
  action: string;
  entity: string;
  entityId: string;
  patientId: string | null;
  /** How many patients a list showed (a search, a therapist's day); 0 for anything else. */
  patientsListed: number;
  ipAddress: string | null;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Set when older entries follow. */
  next: AuditCursor | null;
}

function utcDay(date: string, plusDays = 0): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + plusDays * DAY_MS);
}

function whereOf(filters: AuditFilters): Prisma.AuditLogWhereInput {
  const { after } = filters;
  return {
    AND: [
      filters.staffUserId ? { staffUserId: filters.staffUserId } : {},
      filters.action ? { action: filters.action } : {},
      // A read of one record names the patient on the row; a list (a search,
      // a therapist's day) links every patient it showed.
      filters.patientId ? { OR: [{ patientId: filters.patientId }, { patients: { some: { patientId: filters.patientId } } }] } : {},
      filters.from ? { at: { gte: utcDay(filters.from) } } : {},
      filters.to ? { at: { lt: utcDay(filters.to, 1) } } : {},
      // Keyset, not OFFSET: page 400 costs what page 1 does, and rows written
      // while someone reads do not shift the pages under them.
      after ? { OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }] } : {},
    ],
  };
}

/** One page of the audit log, newest first, for administrators only. */
export async function listAuditEntries(staff: AuditReader, filters: AuditFilters): Promise<AuditPage> {
  if (staff.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only administrators read the audit log.");
  for (const id of [filters.staffUserId, filters.patientId, filters.after?.id]) {
    if (id !== undefined && !z.guid().safeParse(id).success) throw new AppError("BAD_REQUEST", "An id in the filters is not an id.");
  }
  const rows = await getPrisma().auditLog.findMany({
    where: whereOf(filters),
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE + 1,
    include: { staffUser: { select: { name: true } }, _count: { select: { patients: true } } },
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const last = page.at(-1);
  return {
    entries: page.map((r) => ({
      id: r.id,
      at: r.at,
      who: r.staffUser?.name ?? r.actor,
      staffUserId: r.staffUserId,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      patientId: r.patientId,
      patientsListed: r._count.patients,
      ipAddress: r.ipAddress,
    })),
    next: rows.length > AUDIT_PAGE_SIZE && last ? { at: last.at, id: last.id } : null,
  };
}
