import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, patientInput } from "../../test/fixtures";
import { createBooking } from "../booking/mutations";
import { getPrisma } from "../db/client";
import { calendarETag, openCalendar } from "./data";
import type { CalendarQuery } from "./schema";

// Each visit's card says where its money stands, read from the payments made
// for any row of its booking; the rows are written here as the webhook ledger
// writes them (the webhook itself is in board-payment-webhook.db.test.ts).

const NOW = new Date("2026-11-23T12:00:00Z");
const ctx = { now: NOW, ipAddress: "127.0.0.1" };
const DAY = "2026-11-24";
let intents = 0;

async function paidBoard(service: { priceCents: number; paymentRule: "NONE" | "FULL" | "DEPOSIT" | "CARD_ON_FILE" }) {
  const practice = await createPractice({ therapists: 1 });
  const desk = await createStaffMember("FRONT_DESK");
  const booked = await createBooking(
    { service: practice.service.id, start: `${DAY}T09:00:00-06:00`, mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient: patientInput() },
    ctx,
  );
  // Priced after booking: the desk's booking path asks for no money, as a visit booked at the desk.
  await getPrisma().service.update({ where: { id: practice.service.id }, data: { ...service, depositPercent: service.paymentRule === "DEPOSIT" ? 25 : null } });
  const query: CalendarQuery = { location: practice.location.id, date: DAY, view: "week" };
  const state = async () => (await openCalendar(desk, query, ctx)).appointments.find((a) => a.id === booked.id)!.payment;
  return { practice, booked, query, state };
}

function pay(appointmentId: string | null, amountCents: number, status: "SUCCEEDED" | "PENDING" | "FAILED" = "SUCCEEDED", refundedCents = 0) {
  intents += 1;
  return getPrisma().payment.create({ data: { id: `pi_board_${Date.now()}_${intents}`, appointmentId, amountCents, currency: "USD", status, refundedCents } });
}

describe("a visit's payment state on the board", () => {
  it("is left out for a free visit and for a priced one paid at the clinic", async () => {
    const free = await paidBoard({ priceCents: 0, paymentRule: "NONE" });
    expect(await free.state()).toBeUndefined();
    const atClinic = await paidBoard({ priceCents: 9000, paymentRule: "NONE" });
    expect(await atClinic.state()).toBeUndefined();
  });

  it("is due when the service asks for payment online and nothing was taken; a failed or pending attempt takes nothing", async () => {
    const { booked, state } = await paidBoard({ priceCents: 9000, paymentRule: "FULL" });
    expect(await state()).toBe("due");
    await pay(booked.id, 9000, "FAILED");
    await pay(booked.id, 9000, "PENDING");
    expect(await state()).toBe("due");
  });

  it("is paid when what was taken covers the price, and deposit when it covers part", async () => {
    const full = await paidBoard({ priceCents: 9000, paymentRule: "FULL" });
    await pay(full.booked.id, 9000);
    expect(await full.state()).toBe("paid");
    const deposit = await paidBoard({ priceCents: 9000, paymentRule: "DEPOSIT" });
    await pay(deposit.booked.id, 2250);
    expect(await deposit.state()).toBe("deposit");
  });

  it("is card when a card is saved and nothing was taken", async () => {
    const { booked, state } = await paidBoard({ priceCents: 9000, paymentRule: "CARD_ON_FILE" });
    expect(await state()).toBe("due");
    await getPrisma().appointment.update({ where: { id: booked.id }, data: { paymentMethodId: "pm_board_card", stripeCustomerId: "cus_board" } });
    expect(await state()).toBe("card");
  });

  it("is refunded when any of it was given back", async () => {
    const { booked, state } = await paidBoard({ priceCents: 9000, paymentRule: "FULL" });
    await pay(booked.id, 9000, "SUCCEEDED", 3000);
    expect(await state()).toBe("refunded");
  });

  it("counts payments made for an earlier row of the same booking, and not another visit's", async () => {
    const { practice, booked, state } = await paidBoard({ priceCents: 9000, paymentRule: "FULL" });
    const shown = await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } });
    // The row the patient paid for before they rescheduled: same booking, another row.
    const earlier = await getPrisma().appointment.create({
      data: {
        bookingId: shown.bookingId, revision: shown.revision - 1, status: "CANCELLED", source: "ONLINE", mode: "CLINIC",
        patientId: shown.patientId, therapistId: shown.therapistId, locationId: shown.locationId, serviceId: shown.serviceId,
        startsAt: new Date("2026-11-20T15:00:00Z"), endsAt: new Date("2026-11-20T15:45:00Z"),
        blockedFrom: new Date("2026-11-20T15:00:00Z"), blockedUntil: new Date("2026-11-20T16:00:00Z"),
        manageTokenHash: `board-earlier-${shown.id}`, manageTokenExpiresAt: new Date("2026-12-24T00:00:00Z"),
      },
    });
    // As a reschedule writes it: the new row names the row it was moved from.
    await getPrisma().appointment.update({ where: { id: shown.id }, data: { rescheduledFromId: earlier.id } });
    const other = await createBooking(
      { service: practice.service.id, start: `${DAY}T11:00:00-06:00`, mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient: patientInput() },
      ctx,
    );
    await pay(other.id, 9000);
    expect(await state()).toBe("due");
    await pay(earlier.id, 9000);
    expect(await state()).toBe("paid");
  });

  it("moves the board's ETag when a payment is recorded or refunded for a visit on it, and only then", async () => {
    const { booked, query, state } = await paidBoard({ priceCents: 9000, paymentRule: "FULL" });
    const unrelated = await pay(null, 5000);
    const before = await calendarETag(query);
    await getPrisma().payment.update({ where: { id: unrelated.id }, data: { refundedCents: 1000 } });
    expect(await calendarETag(query)).toBe(before);

    const payment = await pay(booked.id, 9000, "PENDING");
    const pending = await calendarETag(query);
    expect(pending).not.toBe(before);
    await getPrisma().payment.update({ where: { id: payment.id }, data: { status: "SUCCEEDED" } });
    const paid = await calendarETag(query);
    expect(paid).not.toBe(pending);
    expect(await state()).toBe("paid");
    await getPrisma().payment.update({ where: { id: payment.id }, data: { refundedCents: 9000 } });
    expect(await calendarETag(query)).not.toBe(paid);
  });
});
