import { z } from "zod";
import { AUDIT_ACTION_NAMES } from "@/lib/audit/actions";
import type { AuditCursor, AuditFilters } from "@/lib/audit/data";
import { translator } from "@/lib/i18n/catalog";
import { isInClinicYears, OUT_OF_RANGE_MESSAGE } from "@/lib/scheduling/date-bounds";

// The audit page ships in English; its answers to a bad filter come from its catalogue.
const t = translator("en", "staffAudit.errors");

const blankAsMissing = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <S extends z.ZodType>(schema: S) => z.preprocess(blankAsMissing, schema.optional());

const utcDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, t("dateForm"))
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, t("notRealDate"))
  .refine(isInClinicYears, OUT_OF_RANGE_MESSAGE);

// "2026-11-23T14:05:09.123Z_<uuid>": the last entry of the previous page.
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([0-9a-f-]{36})$/i;

export const auditQuerySchema = z
  .object({
    staff: optional(z.guid(t("staff"))),
    action: optional(z.enum(AUDIT_ACTION_NAMES, t("action"))),
    patient: optional(z.guid(t("patient"))),
    from: optional(utcDate),
    to: optional(utcDate),
    after: optional(z.string().regex(CURSOR, t("after"))),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: t("order") });

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
