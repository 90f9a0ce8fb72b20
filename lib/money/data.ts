import "server-only";
import { z } from "zod";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import { getPrisma } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import type { RequestContext } from "../http/request-context";
import { localDateOf, zonedDayBounds } from "../scheduling/zone-time";
import {
  HOLDING_REFUND_STATUSES,
  type CurrencyTotals,
  type MoneyVisit,
  type PatientPayments,
  type PaymentPurpose,
  type PaymentStatus,
  type RefundStatus,
  type Takings,
  type TakingsLine,
  type TakingsQuery,
} from "./schema";

// What the front desk and administrators see of the money: a patient's
// payments on their profile, and a location's takings for one local day.
// Therapists see neither: taking and giving back money is the desk's work.

/** Only the front desk and administrators read payments. */
function assertMaySeeMoney(staff: StaffMember): void {
  if (staff.role === "ADMIN" || staff.role === "FRONT_DESK") return;
  throw new AppError("FORBIDDEN", "Payments are for the front desk and administrators.");
}

/**
 * The joins that name a payment's visit, patient and purpose, from `pay`:
 * `paid` is the row the payment was made for, `cur` the booking's current row
 * (the one no later row was rescheduled from), which is the visit to show.
 */
const VISIT_JOINS = Prisma.sql`
  LEFT JOIN "Appointment" paid ON paid."id" = pay."appointmentId"
  LEFT JOIN LATERAL (
    SELECT v."id", v."startsAt", v."serviceId", v."locationId" FROM "Appointment" v
     WHERE v."bookingId" = paid."bookingId"
       AND NOT EXISTS (SELECT 1 FROM "Appointment" n WHERE n."rescheduledFromId" = v."id")
     ORDER BY v."createdAt" DESC LIMIT 1) cur ON true
  LEFT JOIN "Service" s ON s."id" = cur."serviceId"
  LEFT JOIN "Location" l ON l."id" = cur."locationId"
  LEFT JOIN "Patient" pt ON pt."id" = paid."patientId"`;

const VISIT_COLUMNS = Prisma.sql`
  COALESCE(pay."purpose", CASE WHEN paid."id" IS NULL THEN 'other' WHEN pay."checkoutSessionId" IS NOT NULL THEN 'booking' ELSE 'fee' END) AS "purpose",
  cur."id"::text AS "visitId", cur."startsAt" AS "visitStartsAt", s."nameEn" AS "serviceName", l."name" AS "locationName", l."timeZone" AS "timeZone",
  pt."id"::text AS "patientId", pt."firstName" AS "patientFirstName", pt."lastName" AS "patientLastName"`;

interface VisitColumns {
  purpose: PaymentPurpose;
  visitId: string | null;
  visitStartsAt: Date | null;
  serviceName: string | null;
  locationName: string | null;
  timeZone: string | null;
  patientId: string | null;
  patientFirstName: string | null;
  patientLastName: string | null;
}

function visitOf(row: VisitColumns): MoneyVisit | null {
  if (!row.visitId || !row.visitStartsAt || !row.timeZone) return null;
  return { id: row.visitId, startsAt: row.visitStartsAt, serviceName: row.serviceName ?? "", locationName: row.locationName ?? "", timeZone: row.timeZone };
}

/** Per-currency sums, in currency order. */
function totalsOf(entries: { currency: string; takenCents: number; refundedCents: number }[]): CurrencyTotals[] {
  const byCurrency = new Map<string, CurrencyTotals>();
  for (const e of entries) {
    const t = byCurrency.get(e.currency) ?? { currency: e.currency, takenCents: 0, refundedCents: 0, netCents: 0 };
    t.takenCents += e.takenCents;
    t.refundedCents += e.refundedCents;
    t.netCents = t.takenCents - t.refundedCents;
    byCurrency.set(e.currency, t);
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/** A patient's payments are listed up to this many, newest first. */
export const PATIENT_PAYMENTS_SHOWN = 200;

interface PatientPaymentRow extends VisitColumns {
  id: string;
  at: Date;
  amountCents: number | null;
  currency: string | null;
  status: PaymentStatus;
  refundedCents: number;
}

/**
 * The payments made for any visit of the patient (any row of any of their
 * bookings), with their refunds and totals per currency, for the profile.
 * Audited as its own read: the profile's audit row says the record was
 * opened, this one that its money was shown.
 */
export async function openPatientPayments(staff: StaffMember, patientId: string, ctx: RequestContext): Promise<PatientPayments> {
  assertMaySeeMoney(staff);
  if (!z.guid().safeParse(patientId).success) throw new AppError("NOT_FOUND", "No such patient.");
  const prisma = getPrisma();
  const patient = await prisma.patient.findUnique({ where: { id: patientId }, select: { id: true } });
  if (!patient) throw new AppError("NOT_FOUND", "No such patient.");
  const rows = await prisma.$queryRaw<PatientPaymentRow[]>`
    SELECT pay."id", pay."createdAt" AS "at", pay."amountCents", upper(pay."currency") AS "currency", pay."status"::text AS "status", pay."refundedCents",
           ${VISIT_COLUMNS}
      FROM "Payment" pay ${VISIT_JOINS}
     WHERE paid."patientId" = ${patientId}::uuid
     ORDER BY pay."createdAt" DESC, pay."id"
     LIMIT ${PATIENT_PAYMENTS_SHOWN}`;
  const refunds = rows.length === 0 ? [] : await prisma.paymentRefund.findMany({
    where: { paymentIntentId: { in: rows.map((r) => r.id) } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  await recordAudit(prisma, {
    staffUserId: staff.id,
    actor: staff.email,
    action: "patient.payments.view",
    entity: "Patient",
    entityId: patientId,
    patientId,
    ipAddress: ctx.ipAddress,
    detail: { payments: rows.length },
  });
  const payments = rows.map((r) => ({
    id: r.id,
    at: r.at,
    amountCents: r.amountCents,
    currency: r.currency,
    status: r.status,
    purpose: r.purpose,
    refundedCents: r.refundedCents,
    visit: visitOf(r),
    refunds: refunds
      .filter((f) => f.paymentIntentId === r.id)
      .map((f) => ({ id: f.id, at: f.createdAt, amountCents: f.amountCents, status: f.status as RefundStatus })),
  }));
  return {
    payments,
    totals: totalsOf(
      payments
        .filter((p) => p.status === "SUCCEEDED" && p.amountCents !== null && p.currency)
        .map((p) => ({ currency: p.currency!, takenCents: p.amountCents!, refundedCents: p.refundedCents })),
    ),
  };
}

interface TakingsRow extends VisitColumns {
  kind: "payment" | "refund";
  id: string;
  paymentId: string;
  at: Date;
  amountCents: number;
  currency: string;
  /** The location of the row the payment was made for; null when it was for no visit. */
  paidLocationId: string | null;
}

/**
 * One location's takings for one day in its own zone (23 or 25 hours across
 * a clock change): the payments that succeeded and the refunds given in that
 * day, each counted at the location of the visit it was made for (the row
 * the payment names, wherever the visit moved since). Payments for no visit
 * (a package) belong to no location: they are listed apart, for the whole
 * practice, over the same local day. A payment is dated when Stride recorded
 * it, a refund when Stripe's word of it first arrived.
 */
export async function readTakings(staff: StaffMember, query: TakingsQuery, ctx: RequestContext): Promise<Takings> {
  assertMaySeeMoney(staff);
  const prisma = getPrisma();
  const locations = await prisma.location.findMany({ select: { id: true, name: true, timeZone: true, active: true }, orderBy: { name: "asc" } });
  const location = query.location ? locations.find((l) => l.id === query.location) : locations.find((l) => l.active);
  if (!location) throw new AppError("NOT_FOUND", query.location ? "That location does not exist." : "The practice has no location yet.");
  const date = query.date ?? localDateOf(ctx.now.getTime(), location.timeZone);
  const day = zonedDayBounds(date, location.timeZone);
  const from = new Date(day.start);
  const until = new Date(day.end);
  const rows = await prisma.$queryRaw<TakingsRow[]>`
    WITH "line" AS (
      SELECT 'payment' AS "kind", p."id", p."id" AS "paymentId", p."createdAt" AS "at", p."amountCents"
        FROM "Payment" p
       WHERE p."status" = 'SUCCEEDED' AND p."amountCents" IS NOT NULL AND p."createdAt" >= ${from} AND p."createdAt" < ${until}
      UNION ALL
      SELECT 'refund', r."id", r."paymentIntentId", r."createdAt", r."amountCents"
        FROM "PaymentRefund" r
       WHERE r."status"::text = ANY(${HOLDING_REFUND_STATUSES}::text[]) AND r."createdAt" >= ${from} AND r."createdAt" < ${until}
    )
    SELECT ln."kind", ln."id", ln."paymentId", ln."at", ln."amountCents", coalesce(upper(pay."currency"), '') AS "currency",
           paid."locationId"::text AS "paidLocationId", ${VISIT_COLUMNS}
      FROM "line" ln
      JOIN "Payment" pay ON pay."id" = ln."paymentId"
      ${VISIT_JOINS}
     WHERE paid."id" IS NULL OR paid."locationId" = ${location.id}::uuid
     ORDER BY ln."at", ln."kind", ln."id"`;
  const toLine = (r: TakingsRow): TakingsLine => ({
    kind: r.kind,
    id: r.id,
    paymentId: r.paymentId,
    at: r.at,
    amountCents: r.amountCents,
    currency: r.currency,
    purpose: r.purpose,
    patient: r.patientId ? { id: r.patientId, name: `${r.patientFirstName ?? ""} ${r.patientLastName ?? ""}`.trim() } : null,
    visit: visitOf(r),
  });
  const lines = rows.filter((r) => r.paidLocationId !== null).map(toLine);
  const untied = rows.filter((r) => r.paidLocationId === null).map(toLine);
  const sum = (list: TakingsLine[]) =>
    totalsOf(list.map((l) => ({ currency: l.currency, takenCents: l.kind === "payment" ? l.amountCents : 0, refundedCents: l.kind === "refund" ? l.amountCents : 0 })));
  return {
    location: { id: location.id, name: location.name, timeZone: location.timeZone },
    // The picker offers open locations, and names a closed one while it is shown.
    locations: locations.filter((l) => l.active || l.id === location.id).map((l) => ({ id: l.id, name: l.active ? l.name : `${l.name} (closed)` })),
    date,
    lines,
    totals: sum(lines),
    untied,
    untiedTotals: sum(untied),
  };
}

/**
 * The takings list for the page, audited as a read naming every patient it
 * shows; the CSV download is the same list, audited as an export.
 */
export async function openTakings(staff: StaffMember, query: TakingsQuery, ctx: RequestContext, as: "view" | "export"): Promise<Takings> {
  const takings = await readTakings(staff, query, ctx);
  await recordAudit(getPrisma(), {
    staffUserId: staff.id,
    actor: staff.email,
    action: as === "view" ? "takings.view" : "takings.export",
    entity: "Location",
    entityId: takings.location.id,
    patientIds: [...takings.lines, ...takings.untied].flatMap((l) => (l.patient ? [l.patient.id] : [])),
    ipAddress: ctx.ipAddress,
    detail: { location: takings.location.id, date: takings.date, lines: takings.lines.length + takings.untied.length },
  });
  return takings;
}

/** The locations the takings list's picker offers: open ones, by name. No patient data, so not audited. */
export function takingsLocations(): Promise<{ id: string; name: string }[]> {
  return getPrisma().location.findMany({ where: { active: true }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
