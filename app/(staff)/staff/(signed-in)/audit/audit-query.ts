import { z } from "zod";
import { AUDIT_ACTION_NAMES } from "@/lib/audit/actions";
import type { AuditCursor, AuditFilters } from "@/lib/audit/data";
import { isInClinicYears, OUT_OF_RANGE_MESSAGE } from "@/lib/scheduling/date-bounds";

const blankAsMissing = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <S extends z.ZodType>(schema: S) => z.preprocess(blankAsMissing, schema.optional());

const utcDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the form YYYY-MM-DD.")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, "That is not a real date.")
  .refine(isInClinicYears, OUT_OF_RANGE_MESSAGE);

// "2026-11-23T14:05:09.123Z_<uuid>": the last entry of the previous page.
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([0-9a-f-]{36})$/i;

export const auditQuerySchema = z
  .object({
    staff: optional(z.guid("Choose a staff member from the list.")),
    action: optional(z.enum(AUDIT_ACTION_NAMES, "Choose an action from the list.")),
    patient: optional(z.guid("A patient id looks like 3f2b…-…; copy it from the patient's page address.")),
    from: optional(utcDate),
    to: optional(utcDate),
    after: optional(z.string().regex(CURSOR, "That page link is broken; start again from the newest entries.")),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "The end date must not be before the start date." });

export type AuditQuery = z.infer<typeof auditQuerySchema>;

export function encodeCursor(cursor: AuditCursor): string {
  return `${cursor.at.toISOString()}_${cursor.id}`;
}

export function filtersOf(query: AuditQuery): AuditFilters {
  const match = query.after ? CURSOR.exec(query.after) : null;
  return {
    staffUserId: query.staff,
    action: query.action,
    patientId: query.patient,
    from: query.from,
    to: query.to,
    after: match ? { at: new Date(match[1]!), id: match[2]! } : undefined,
  };
}

/** The same filters as a query string, optionally from another page. */
export function hrefFor(query: AuditQuery, after?: AuditCursor): string {
  const params = new URLSearchParams();
  for (const key of ["staff", "action", "patient", "from", "to"] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (after) params.set("after", encodeCursor(after));
  const search = params.toString();
  return search ? `/staff/audit?${search}` : "/staff/audit";
}
