import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, patientInput } from "../../test/fixtures";
import { createBooking } from "../booking/mutations";
import { getPrisma } from "../db/client";
import { openPatientPayments, openTakings, readTakings } from "./data";

// What the desk sees of the money, read from ledger rows written here as the
// webhook ledger writes them, with the instants set where a day's edges are.

const NOW = new Date("2026-10-20T12:00:00Z");
const ctx = { now: NOW, ipAddress: "127.0.0.1" };
let serial = 0;

async function practiceWithVisit(timeZone = "America/New_York", start = "2026-11-03T10:00:00-05:00") {
  const practice = await createPractice({ therapists: 1, timeZone });
  const patient = patientInput();
  const visit = await createBooking(
    { service: practice.service.id, start, mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient },
    ctx,
  );
  return { practice, patient, visit };
}

async function payment(appointmentId: string | null, amountCents: number, at: string, options: { status?: "SUCCEEDED" | "PENDING" | "FAILED"; checkout?: boolean; currency?: string; purpose?: "booking" | "fee" | "package" } = {}) {
  serial += 1;
  const id = `pi_money_${serial}_${Date.now()}`;
  return getPrisma().payment.create({
    data: {
      id, appointmentId, amountCents, currency: options.currency ?? "USD", status: options.status ?? "SUCCEEDED", createdAt: new Date(at), purpose: options.purpose ?? null,
      checkoutSessionId: options.checkout === false ? null : `cs_money_${serial}_${Date.now()}`,
    },
  });
}

async function refund(paymentId: string, amountCents: number, at: string, status: "SUCCEEDED" | "PENDING" | "FAILED" = "SUCCEEDED") {
  serial += 1;
  await getPrisma().paymentRefund.create({ data: { id: `re_money_${serial}_${Date.now()}`, paymentIntentId: paymentId, amountCents, status, createdAt: new Date(at) } });
  if (status !== "FAILED") await getPrisma().payment.update({ where: { id: paymentId }, data: { refundedCents: { increment: amountCents } } });
}

describe("a location's takings for a day", () => {
  it("counts what happened within the local day when the clocks go back (a 25-hour day), by the location's zone", async () => {
    const { practice, visit, patient } = await practiceWithVisit();
    const desk = await createStaffMember("FRONT_DESK");
    const justAfterMidnight = await payment(visit.id, 2500, "2026-11-01T00:30:00-04:00");
    const lateEvening = await payment(visit.id, 4000, "2026-11-01T23:30:00-05:00");
    const dayBefore = await payment(visit.id, 1000, "2026-10-31T23:30:00-04:00");
    const dayAfter = await payment(visit.id, 1500, "2026-11-02T00:30:00-05:00");

    const day = await readTakings(desk, { location: practice.location.id, date: "2026-11-01" }, ctx);
    expect(day.date).toBe("2026-11-01");
    expect(day.lines.map((l) => l.id)).toEqual([justAfterMidnight.id, lateEvening.id]);
    expect(day.lines[0]).toMatchObject({ kind: "payment", amountCents: 2500, currency: "USD", purpose: "booking", patient: { name: `${patient.firstName} ${patient.lastName}` }, visit: { id: visit.id } });
    expect(day.totals).toEqual([{ currency: "USD", takenCents: 6500, refundedCents: 0, netCents: 6500 }]);

    expect((await readTakings(desk, { location: practice.location.id, date: "2026-10-31" }, ctx)).lines.map((l) => l.id)).toEqual([dayBefore.id]);
    expect((await readTakings(desk, { location: practice.location.id, date: "2026-11-02" }, ctx)).lines.map((l) => l.id)).toEqual([dayAfter.id]);
  });

  it("counts the 23-hour day when the clocks go forward", async () => {
    const { practice, visit } = await practiceWithVisit();
    const desk = await createStaffMember("ADMIN");
    const early = await payment(visit.id, 2500, "2026-03-08T00:30:00-05:00");
    const late = await payment(visit.id, 2500, "2026-03-08T23:30:00-04:00");
    await payment(visit.id, 2500, "2026-03-09T00:30:00-04:00");
    expect((await readTakings(desk, { location: practice.location.id, date: "2026-03-08" }, ctx)).lines.map((l) => l.id)).toEqual([early.id, late.id]);
  });

  it("takes the day's refunds off the net, not failed ones, whatever day the payment was", async () => {
    const { practice, visit } = await practiceWithVisit();
    const desk = await createStaffMember("FRONT_DESK");
    const earlier = await payment(visit.id, 9000, "2026-10-30T15:00:00Z");
    const today = await payment(visit.id, 3000, "2026-11-05T15:00:00Z", { checkout: false });
    await refund(earlier.id, 2000, "2026-11-05T16:00:00Z");
    await refund(earlier.id, 1000, "2026-11-05T17:00:00Z", "FAILED");
    await refund(today.id, 500, "2026-11-06T16:00:00Z");

    const day = await readTakings(desk, { location: practice.location.id, date: "2026-11-05" }, ctx);
    expect(day.lines.map((l) => [l.kind, l.paymentId, l.amountCents, l.purpose])).toEqual([["payment", today.id, 3000, "fee"], ["refund", earlier.id, 2000, "booking"]]);
    expect(day.totals).toEqual([{ currency: "USD", takenCents: 3000, refundedCents: 2000, netCents: 1000 }]);
  });

  it("lists a location's own visits only, keeps payments for no visit apart, and totals each currency", async () => {
    const { practice, visit } = await practiceWithVisit();
    const other = await practiceWithVisit();
    const desk = await createStaffMember("FRONT_DESK");
    const here = await payment(visit.id, 2500, "2026-11-05T15:00:00Z");
    const euros = await payment(visit.id, 1800, "2026-11-05T15:30:00Z", { currency: "EUR" });
    const there = await payment(other.visit.id, 7000, "2026-11-05T15:00:00Z");
    const pack = await payment(null, 30000, "2026-11-05T18:00:00Z", { checkout: true });
    const sold = await payment(null, 24000, "2026-11-05T19:00:00Z", { checkout: true, purpose: "package" });

    const day = await readTakings(desk, { location: practice.location.id, date: "2026-11-05" }, ctx);
    expect(day.lines.map((l) => l.id)).toEqual([here.id, euros.id]);
    expect(day.totals.map((t) => [t.currency, t.netCents])).toEqual([["EUR", 1800], ["USD", 2500]]);
    expect(day.untied.map((l) => [l.id, l.purpose, l.patient, l.visit])).toEqual([[pack.id, "other", null, null], [sold.id, "package", null, null]]);
    expect(day.untiedTotals).toEqual([{ currency: "USD", takenCents: 54000, refundedCents: 0, netCents: 54000 }]);
    const otherDay = await readTakings(desk, { location: other.practice.location.id, date: "2026-11-05" }, ctx);
    expect(otherDay.lines.map((l) => l.id)).toEqual([there.id]);
  });

  it("defaults to today in the location's zone, refuses therapists and an unknown location, and audits each read naming its patients", async () => {
    const { practice, visit } = await practiceWithVisit("Pacific/Auckland", "2026-11-03T10:00:00+13:00");
    const desk = await createStaffMember("FRONT_DESK");
    // 12:00 UTC on 20 October is already 01:00 on 21 October in Auckland.
    expect((await readTakings(desk, { location: practice.location.id }, ctx)).date).toBe("2026-10-21");
    await payment(visit.id, 2500, "2026-11-05T01:00:00Z");
    const therapist = await createStaffMember("THERAPIST", practice.therapists[0]!.id);
    await expect(readTakings(therapist, { location: practice.location.id }, ctx)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(readTakings(desk, { location: "6f1c2d4e-0000-4000-8000-000000000000" }, ctx)).rejects.toMatchObject({ code: "NOT_FOUND" });

    await openTakings(desk, { location: practice.location.id, date: "2026-11-05" }, ctx, "view");
    await openTakings(desk, { location: practice.location.id, date: "2026-11-05" }, ctx, "export");
    const rows = await getPrisma().auditLog.findMany({ where: { staffUserId: desk.id }, orderBy: [{ at: "asc" }, { action: "desc" }] });
    expect(rows.map((r) => [r.action, r.entityId, r.detail])).toEqual([
      ["takings.view", practice.location.id, { location: practice.location.id, date: "2026-11-05", lines: 1 }],
      ["takings.export", practice.location.id, { location: practice.location.id, date: "2026-11-05", lines: 1 }],
    ]);
    const row = await getPrisma().appointment.findUniqueOrThrow({ where: { id: visit.id } });
    expect(rows.map((r) => r.patientId)).toEqual([row.patientId, row.patientId]);
  });
});

describe("a patient's payments", () => {
  it("lists every payment for any row of their bookings with its refunds and totals, audited, for the desk only", async () => {
    const { practice, visit } = await practiceWithVisit();
    const desk = await createStaffMember("FRONT_DESK");
    const shown = await getPrisma().appointment.findUniqueOrThrow({ where: { id: visit.id } });
    // The row paid for before a reschedule: the payment names it, the visit shown is the current row.
    const earlier = await getPrisma().appointment.create({
      data: {
        bookingId: shown.bookingId, status: "CANCELLED", source: "ONLINE", mode: "CLINIC", patientId: shown.patientId, therapistId: shown.therapistId,
        locationId: shown.locationId, serviceId: shown.serviceId, startsAt: new Date("2026-11-02T15:00:00Z"), endsAt: new Date("2026-11-02T15:45:00Z"),
        blockedFrom: new Date("2026-11-02T15:00:00Z"), blockedUntil: new Date("2026-11-02T16:00:00Z"),
        manageTokenHash: `money-earlier-${shown.id}`, manageTokenExpiresAt: new Date("2026-12-24T00:00:00Z"), createdAt: new Date("2026-10-01T00:00:00Z"),
      },
    });
    await getPrisma().appointment.update({ where: { id: visit.id }, data: { rescheduledFromId: earlier.id } });
    const deposit = await payment(earlier.id, 2500, "2026-10-19T15:00:00Z");
    const fee = await payment(visit.id, 4000, "2026-10-20T15:00:00Z", { checkout: false });
    await payment(visit.id, 4000, "2026-10-20T14:00:00Z", { status: "FAILED", checkout: false });
    await refund(deposit.id, 1000, "2026-10-19T18:00:00Z");
    const stranger = await practiceWithVisit();
    await payment(stranger.visit.id, 9900, "2026-10-20T15:00:00Z");

    const seen = await openPatientPayments(desk, shown.patientId, ctx);
    expect(seen.payments.map((p) => [p.id, p.purpose, p.status, p.visit?.id])).toEqual([
      [fee.id, "fee", "SUCCEEDED", visit.id],
      [expect.stringMatching(/^pi_money_/), "fee", "FAILED", visit.id],
      [deposit.id, "booking", "SUCCEEDED", visit.id],
    ]);
    expect(seen.payments[2]!.refunds.map((r) => [r.amountCents, r.status])).toEqual([[1000, "SUCCEEDED"]]);
    expect(seen.payments[2]!.visit).toMatchObject({ timeZone: "America/New_York", serviceName: practice.service.nameEn });
    expect(seen.totals).toEqual([{ currency: "USD", takenCents: 6500, refundedCents: 1000, netCents: 5500 }]);
    expect(await getPrisma().auditLog.findMany({ where: { staffUserId: desk.id }, select: { action: true, patientId: true, detail: true } })).toEqual([
      { action: "patient.payments.view", patientId: shown.patientId, detail: { payments: 3 } },
    ]);

    const therapist = await createStaffMember("THERAPIST", practice.therapists[0]!.id);
    await expect(openPatientPayments(therapist, shown.patientId, ctx)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(openPatientPayments(desk, "not-a-uuid", ctx)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
