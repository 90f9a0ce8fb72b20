// The operations the online payment calls on a held time, against the real
// database: the expiry is judged by its clock, so these tests run on the real
// time, with a therapist who works around the clock.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createPractice, patientInput } from "../../test/fixtures";
import { bookedLongAgo, ctx, HOUR, remindersOf, startIn, zoneAtLocalHour } from "../../test/reminder-visits";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { queueDueReminders } from "../reminders/mutations";
import { searchSlots } from "./data";
import { confirmHold, createHold, lapseExpiredHolds, releaseHold } from "./holds";
import { createBooking } from "./mutations";
import type { CreateBookingInput } from "./schema";

const MINUTE = 60_000;
const ALL_DAY = [{ weekdays: [1, 2, 3, 4, 5, 6, 7], startMinute: 0, endMinute: 24 * 60, visitModes: ["CLINIC" as const, "HOME" as const] }];

async function practiceAroundTheClock(rooms: { name: string; capacity: number }[] = [], therapists = 1) {
  const zone = zoneAtLocalHour(12);
  const practice = await createPractice({ timeZone: zone, hours: ALL_DAY, rooms, therapists, service: { horizonDays: 200 } });
  return { ...practice, zone };
}

type Practice = Awaited<ReturnType<typeof practiceAroundTheClock>>;

function input(practice: Practice, start: string, patient = patientInput()): CreateBookingInput {
  return { service: practice.service.id, start, mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient, language: "en" };
}

/** A hold written as if its patient had chosen the time `minutesAgo` minutes ago. */
function holdChosen(practice: Practice, start: string, minutesAgo: number, patient = patientInput()) {
  return createHold(input(practice, start, patient), { now: new Date(Date.now() - minutesAgo * MINUTE), ipAddress: "127.0.0.1" });
}

async function rowOf(id: string) {
  return getPrisma().appointment.findUniqueOrThrow({ where: { id } });
}

async function messagesOf(appointmentId: string) {
  return getPrisma().message.findMany({ where: { appointmentId } });
}

async function isOffered(practice: Practice, start: string): Promise<boolean> {
  const day = start.slice(0, 10);
  const { slots } = await searchSlots({
    service: practice.service,
    mode: "CLINIC",
    locations: [practice.location],
    therapistId: practice.therapists[0]!.id,
    from: day,
    to: day,
    now: new Date(),
  });
  return slots.some((s) => s.start === Date.parse(start));
}

async function waitForLockWaiter(watcher: pg.Client) {
  for (let i = 0; i < 100; i++) {
    await watcher.query("SELECT pg_stat_clear_snapshot()");
    const { rows } = await watcher.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (rows[0]!.n > 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the confirmation never waited for the booking");
}

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

describe("createHold", () => {
  it("holds the time for PAYMENT_HOLD_MINUTES, sends nothing and answers what the checkout needs", async () => {
    const practice = await practiceAroundTheClock([{ name: "Room 1", capacity: 1 }]);
    const start = startIn(30, practice.zone);
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const hold = await createHold(input(practice, start), { now, ipAddress: "127.0.0.1" });

    const row = await rowOf(hold.id);
    expect(row.status).toBe("HELD");
    expect(row.holdExpiresAt?.getTime()).toBe(now.getTime() + 15 * MINUTE);
    expect(row.roomId).toBe(practice.location.rooms[0]!.id);
    expect(Date.parse(hold.expiresAt)).toBe(now.getTime() + 15 * MINUTE);
    expect(hold.start).toBe(start);
    expect(hold.service).toEqual({
      id: practice.service.id,
      name: { en: practice.service.nameEn, es: practice.service.nameEs },
      priceCents: practice.service.priceCents,
      currency: practice.service.currency,
    });
    expect(await messagesOf(hold.id)).toEqual([]);
    const audit = await getPrisma().auditLog.findMany({ where: { entityId: hold.id } });
    expect(audit.map((a) => a.action)).toEqual(["appointment.hold"]);
  });

  it("keeps the time from the search and from another patient's booking while it lasts", async () => {
    const practice = await practiceAroundTheClock();
    const start = startIn(30, practice.zone);
    expect(await isOffered(practice, start)).toBe(true);
    await createHold(input(practice, start), ctx());
    expect(await isOffered(practice, start)).toBe(false);
    await expectAppError(createBooking(input(practice, start), ctx()), "SLOT_TAKEN");
    await expectAppError(createHold(input(practice, start), ctx()), "SLOT_TAKEN");
  });

  it("gives the time back once expired, with no sweeper: offered, and booked over", async () => {
    const practice = await practiceAroundTheClock();
    const start = startIn(30, practice.zone);
    const hold = await holdChosen(practice, start, 20);
    expect(await isOffered(practice, start)).toBe(true);
    const booked = await createBooking(input(practice, start), ctx());
    expect((await rowOf(booked.id)).status).toBe("BOOKED");
    expect((await rowOf(hold.id)).status).toBe("LAPSED");
  });

  it("takes its room's place, and leaves the other rooms to other bookings", async () => {
    const practice = await practiceAroundTheClock([{ name: "Room 1", capacity: 1 }, { name: "Room 2", capacity: 1 }], 2);
    const start = startIn(30, practice.zone);
    const hold = await createHold(input(practice, start), ctx());
    const booked = await createBooking({ ...input(practice, start), therapistId: practice.therapists[1]!.id }, ctx());
    const [held, visit] = [await rowOf(hold.id), await rowOf(booked.id)];
    expect(new Set([held.roomId, visit.roomId])).toEqual(new Set(practice.location.rooms.map((r) => r.id)));
  });

  it("answers a clash with another visit of the same patient as a taken time, naming nothing", async () => {
    const practice = await practiceAroundTheClock();
    const other = await practiceAroundTheClock();
    const start = startIn(30, practice.zone);
    const patient = patientInput();
    await createBooking({ ...input(other, start, patient), therapistId: other.therapists[0]!.id }, ctx());
    await expectAppError(createHold(input(practice, start, patient), ctx()), "SLOT_TAKEN");
  });
});

describe("confirmHold", () => {
  it("books a live hold and queues the booking's confirmation, once", async () => {
    const practice = await practiceAroundTheClock();
    const hold = await createHold(input(practice, startIn(30, practice.zone)), ctx());
    expect(await confirmHold(hold.id, new Date())).toEqual({ outcome: "booked", appointmentId: hold.id });
    expect((await rowOf(hold.id)).status).toBe("BOOKED");
    const queued = await messagesOf(hold.id);
    expect(queued.filter((m) => m.kind === "confirmation")).toHaveLength(1);

    expect(await confirmHold(hold.id, new Date())).toEqual({ outcome: "already", appointmentId: hold.id });
    expect(await messagesOf(hold.id)).toHaveLength(queued.length);
  });

  it("books a hold past its expiry when nobody took the time", async () => {
    const practice = await practiceAroundTheClock();
    const hold = await holdChosen(practice, startIn(30, practice.zone), 20);
    expect(await confirmHold(hold.id, new Date())).toEqual({ outcome: "booked", appointmentId: hold.id });
    expect((await rowOf(hold.id)).status).toBe("BOOKED");
  });

  it("books a lapsed hold again when its time is still free", async () => {
    const practice = await practiceAroundTheClock([{ name: "Room 1", capacity: 1 }]);
    const hold = await createHold(input(practice, startIn(30, practice.zone)), ctx());
    await releaseHold(hold.id);
    expect((await rowOf(hold.id)).status).toBe("LAPSED");
    expect(await confirmHold(hold.id, new Date())).toEqual({ outcome: "booked", appointmentId: hold.id });
    const row = await rowOf(hold.id);
    expect(row.status).toBe("BOOKED");
    expect(row.roomId).toBe(practice.location.rooms[0]!.id);
    expect((await messagesOf(hold.id)).filter((m) => m.kind === "confirmation")).toHaveLength(1);
  });

  it("answers taken, books nothing and sends nothing when the lapsed hold's time went to someone else", async () => {
    const practice = await practiceAroundTheClock();
    const start = startIn(30, practice.zone);
    const hold = await holdChosen(practice, start, 20);
    const other = await createBooking(input(practice, start), ctx());
    expect(await confirmHold(hold.id, new Date())).toEqual({ outcome: "taken", appointmentId: hold.id });
    expect((await rowOf(hold.id)).status).toBe("LAPSED");
    expect((await rowOf(other.id)).status).toBe("BOOKED");
    expect(await messagesOf(hold.id)).toEqual([]);
  });

  it("books once when two confirmations arrive at once, with one confirmation message", async () => {
    const practice = await practiceAroundTheClock();
    const hold = await createHold(input(practice, startIn(30, practice.zone)), ctx());
    const outcomes = await Promise.all([confirmHold(hold.id, new Date()), confirmHold(hold.id, new Date()), confirmHold(hold.id, new Date())]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(["already", "already", "booked"]);
    expect((await messagesOf(hold.id)).filter((m) => m.kind === "confirmation")).toHaveLength(1);
  });

  it("waits for a booking that holds the location's rooms instead of deadlocking with it, and answers taken", async () => {
    const practice = await practiceAroundTheClock([{ name: "Room 1", capacity: 1 }]);
    const start = startIn(30, practice.zone);
    const hold = await holdChosen(practice, start, 20);
    const held = await rowOf(hold.id);
    const desk = new pg.Client({ connectionString: process.env.DATABASE_URL });
    const watcher = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await Promise.all([desk.connect(), watcher.connect()]);
    try {
      // A booking has chosen its room (the location's rooms are locked) and is about to write.
      await desk.query("BEGIN");
      await desk.query(`SELECT 1 FROM "Room" WHERE "locationId" = $1 AND "active" ORDER BY "id" FOR UPDATE`, [practice.location.id]);
      const confirming = confirmHold(hold.id, new Date());
      await waitForLockWaiter(watcher);
      // Its write lapses the expired hold on the way.
      const other = await getPrisma().patient.create({
        data: { firstName: "Desk", lastName: "Booked", email: `${randomUUID()}@example.com`, phone: "+19155550100", dateOfBirth: new Date("1980-01-01") },
      });
      await desk.query(
        `INSERT INTO "Appointment" ("patientId", "therapistId", "serviceId", "locationId", "roomId", "mode", "startsAt", "endsAt", "blockedFrom", "blockedUntil",
                                    "source", "manageTokenHash", "manageTokenExpiresAt", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, 'CLINIC', $6, $7, $8, $9, 'STAFF', $10, $9, now())`,
        [other.id, held.therapistId, held.serviceId, held.locationId, held.roomId, held.startsAt, held.endsAt, held.blockedFrom, held.blockedUntil, randomUUID()],
      );
      await desk.query("COMMIT");
      expect(await confirming).toEqual({ outcome: "taken", appointmentId: hold.id });
      expect((await rowOf(hold.id)).status).toBe("LAPSED");
    } finally {
      await Promise.all([desk.end(), watcher.end()]);
    }
  });

  it("refuses an id that is no hold", async () => {
    await expectAppError(confirmHold("not-an-id", new Date()), "NOT_FOUND");
    await expectAppError(confirmHold("00000000-0000-4000-8000-000000000000", new Date()), "NOT_FOUND");
  });
});

describe("releaseHold", () => {
  it("frees the time at once, and says so again without a second change", async () => {
    const practice = await practiceAroundTheClock();
    const start = startIn(30, practice.zone);
    const hold = await createHold(input(practice, start), ctx());
    expect(await releaseHold(hold.id)).toEqual({ outcome: "released" });
    expect((await rowOf(hold.id)).status).toBe("LAPSED");
    expect(await isOffered(practice, start)).toBe(true);
    expect(await releaseHold(hold.id)).toEqual({ outcome: "already-lapsed" });
    const booked = await createBooking(input(practice, start), ctx());
    expect((await rowOf(booked.id)).status).toBe("BOOKED");
  });

  it("leaves a paid and booked hold booked", async () => {
    const practice = await practiceAroundTheClock();
    const hold = await createHold(input(practice, startIn(30, practice.zone)), ctx());
    await confirmHold(hold.id, new Date());
    expect(await releaseHold(hold.id)).toEqual({ outcome: "booked" });
    expect((await rowOf(hold.id)).status).toBe("BOOKED");
  });
});

describe("lapseExpiredHolds", () => {
  it("lapses the holds that ran out and answers them, leaving live ones", async () => {
    const practice = await practiceAroundTheClock();
    const expired = await holdChosen(practice, startIn(30, practice.zone), 20);
    const live = await createHold(input(practice, startIn(32, practice.zone)), ctx());
    const lapsed = await lapseExpiredHolds(10_000);
    expect(lapsed).toContain(expired.id);
    expect(lapsed).not.toContain(live.id);
    expect((await rowOf(expired.id)).status).toBe("LAPSED");
    expect((await rowOf(live.id)).status).toBe("HELD");
    expect(await lapseExpiredHolds(10_000)).not.toContain(expired.id);
    // A payment arriving afterwards still books the free time.
    expect(await confirmHold(expired.id, new Date())).toEqual({ outcome: "booked", appointmentId: expired.id });
  });
});

describe("reminders", () => {
  it("are never queued for a hold, live or expired, and are for the same time once booked", async () => {
    const practice = await practiceAroundTheClock();
    const live = await createHold(input(practice, startIn(22, practice.zone)), ctx());
    const expired = await holdChosen(practice, startIn(23, practice.zone), 20);
    await bookedLongAgo(live.id);
    await bookedLongAgo(expired.id);
    await queueDueReminders(new Date());
    expect(await remindersOf(live.id)).toEqual([]);
    expect(await remindersOf(expired.id)).toEqual([]);

    // The control: the same hold, paid and booked long ago, is reminded.
    await confirmHold(live.id, new Date(Date.now() - 7 * 24 * HOUR));
    await bookedLongAgo(live.id);
    await queueDueReminders(new Date());
    expect(await remindersOf(live.id)).toHaveLength(1);
  });
});
