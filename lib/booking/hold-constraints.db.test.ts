// The database's own rules for a held time, written straight through SQL on
// two connections (no application code in between): a live hold blocks like a
// booked visit, an expired one never does, with no sweeper ever having run.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPractice, uniq } from "../../test/fixtures";
import { getPrisma } from "../db/client";

const MINUTE = 60_000;

interface Row {
  patientId: string;
  therapistId: string;
  roomId?: string | null;
  status: "BOOKED" | "HELD";
  start: Date;
  minutes?: number;
  holdExpiresAt?: Date | null;
}

let a: pg.Client;
let b: pg.Client;

beforeEach(async () => {
  a = new pg.Client({ connectionString: process.env.DATABASE_URL });
  b = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await Promise.all([a.connect(), b.connect()]);
});

afterEach(async () => {
  await Promise.all([a.end(), b.end()]);
});

async function insert(client: pg.Client, practice: Awaited<ReturnType<typeof createPractice>>, row: Row): Promise<string> {
  const end = new Date(row.start.getTime() + (row.minutes ?? 45) * MINUTE);
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO "Appointment" ("patientId", "therapistId", "serviceId", "locationId", "roomId", "mode", "startsAt", "endsAt",
                                "blockedFrom", "blockedUntil", "status", "source", "manageTokenHash", "manageTokenExpiresAt",
                                "holdExpiresAt", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, 'CLINIC', $6, $7, $6, $7, $8::"AppointmentStatus", 'ONLINE', $9, $7, $10, now())
     RETURNING "id"`,
    [row.patientId, row.therapistId, practice.service.id, practice.location.id, row.roomId ?? null, row.start, end, row.status, randomUUID(), row.holdExpiresAt ?? null],
  );
  return rows[0]!.id;
}

async function newPatient(): Promise<string> {
  const first = uniq("Hold");
  const p = await getPrisma().patient.create({
    data: { firstName: first, lastName: "Tester", email: `${first.toLowerCase()}@example.com`, phone: "+19155550100", dateOfBirth: new Date("1990-01-01") },
  });
  return p.id;
}

async function statusOf(id: string): Promise<string> {
  return (await getPrisma().appointment.findUniqueOrThrow({ where: { id } })).status;
}

function failure(error: unknown): { code?: string; constraint?: string } {
  const e = error as { code?: string; constraint?: string };
  return { code: e.code, constraint: e.constraint };
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
  throw new Error("the second booking never waited for the first");
}

const START = new Date("2027-03-02T15:00:00Z");
const live = () => new Date(Date.now() + 15 * MINUTE);
const expired = () => new Date(Date.now() - MINUTE);

describe("a live hold", () => {
  it("blocks another patient's booking of the same therapist's time", async () => {
    const practice = await createPractice();
    const therapistId = practice.therapists[0]!.id;
    const hold = await insert(a, practice, { patientId: await newPatient(), therapistId, status: "HELD", start: START, holdExpiresAt: live() });
    const error = await insert(b, practice, { patientId: await newPatient(), therapistId, status: "BOOKED", start: new Date(START.getTime() + 30 * MINUTE) }).catch(failure);
    expect(error).toEqual({ code: "23P01", constraint: "Appointment_therapist_no_overlap" });
    expect(await statusOf(hold)).toBe("HELD");
  });

  it("blocks the same patient's booking with another therapist at that time", async () => {
    const practice = await createPractice({ therapists: 2 });
    const patientId = await newPatient();
    await insert(a, practice, { patientId, therapistId: practice.therapists[0]!.id, status: "HELD", start: START, holdExpiresAt: live() });
    const error = await insert(b, practice, { patientId, therapistId: practice.therapists[1]!.id, status: "BOOKED", start: START }).catch(failure);
    expect(error).toEqual({ code: "23P01", constraint: "Appointment_patient_no_overlap" });
  });

  it("takes a place in its room", async () => {
    const practice = await createPractice({ therapists: 2, rooms: [{ name: "Gym", capacity: 1 }] });
    const roomId = practice.location.rooms[0]!.id;
    await insert(a, practice, { patientId: await newPatient(), therapistId: practice.therapists[0]!.id, roomId, status: "HELD", start: START, holdExpiresAt: live() });
    const error = await insert(b, practice, { patientId: await newPatient(), therapistId: practice.therapists[1]!.id, roomId, status: "BOOKED", start: START }).catch(failure);
    expect(error).toEqual({ code: "23P01", constraint: "Appointment_room_capacity" });
  });

  it("cannot be written without its expiry", async () => {
    const practice = await createPractice();
    const error = await insert(a, practice, { patientId: await newPatient(), therapistId: practice.therapists[0]!.id, status: "HELD", start: START }).catch(failure);
    expect(error).toEqual({ code: "23514", constraint: "Appointment_hold_expiry_check" });
  });
});

describe("an expired hold, with no sweeper having run", () => {
  it("does not block a booking of its therapist's time, and lapses as it is taken", async () => {
    const practice = await createPractice();
    const therapistId = practice.therapists[0]!.id;
    const hold = await insert(a, practice, { patientId: await newPatient(), therapistId, status: "HELD", start: START, holdExpiresAt: expired() });
    expect(await statusOf(hold)).toBe("HELD");
    const booked = await insert(b, practice, { patientId: await newPatient(), therapistId, status: "BOOKED", start: START });
    expect(await statusOf(booked)).toBe("BOOKED");
    expect(await statusOf(hold)).toBe("LAPSED");
  });

  it("does not block its patient elsewhere, nor its room's place", async () => {
    const practice = await createPractice({ therapists: 2, rooms: [{ name: "Gym", capacity: 1 }] });
    const roomId = practice.location.rooms[0]!.id;
    const patientId = await newPatient();
    const hold = await insert(a, practice, { patientId, therapistId: practice.therapists[0]!.id, roomId, status: "HELD", start: START, holdExpiresAt: expired() });
    await insert(b, practice, { patientId, therapistId: practice.therapists[1]!.id, roomId, status: "BOOKED", start: START });
    expect(await statusOf(hold)).toBe("LAPSED");
  });

  it("does not block a visit the desk moves onto its time", async () => {
    const practice = await createPractice();
    const therapistId = practice.therapists[0]!.id;
    const hold = await insert(a, practice, { patientId: await newPatient(), therapistId, status: "HELD", start: START, holdExpiresAt: expired() });
    const visit = await insert(b, practice, { patientId: await newPatient(), therapistId, status: "BOOKED", start: new Date(START.getTime() + 3 * 60 * MINUTE) });
    await b.query(`UPDATE "Appointment" SET "startsAt" = $2, "endsAt" = $3, "blockedFrom" = $2, "blockedUntil" = $3 WHERE "id" = $1`, [
      visit,
      START,
      new Date(START.getTime() + 45 * MINUTE),
    ]);
    expect(await statusOf(hold)).toBe("LAPSED");
  });

  it("is left alone by a booking that does not overlap it", async () => {
    const practice = await createPractice();
    const therapistId = practice.therapists[0]!.id;
    const hold = await insert(a, practice, { patientId: await newPatient(), therapistId, status: "HELD", start: START, holdExpiresAt: expired() });
    await insert(b, practice, { patientId: await newPatient(), therapistId, status: "BOOKED", start: new Date(START.getTime() + 45 * MINUTE) });
    expect(await statusOf(hold)).toBe("HELD");
  });

  it("is judged when the booking writes, not when its transaction began", async () => {
    const practice = await createPractice();
    const therapistId = practice.therapists[0]!.id;
    // A booking's transaction begins while the hold is still live…
    await a.query("BEGIN");
    await a.query("SELECT now()");
    const hold = await insert(b, practice, { patientId: await newPatient(), therapistId, status: "HELD", start: START, holdExpiresAt: new Date(Date.now() + 1_000) });
    // …and writes after it ran out (as after waiting for a lock): the time is free.
    await new Promise((r) => setTimeout(r, 1_500));
    const booked = await insert(a, practice, { patientId: await newPatient(), therapistId, status: "BOOKED", start: START });
    await a.query("COMMIT");
    expect(await statusOf(booked)).toBe("BOOKED");
    expect(await statusOf(hold)).toBe("LAPSED");
  });

  it("goes to exactly one of two bookings racing for its time", async () => {
    const practice = await createPractice();
    const therapistId = practice.therapists[0]!.id;
    const hold = await insert(a, practice, { patientId: await newPatient(), therapistId, status: "HELD", start: START, holdExpiresAt: expired() });
    const [first, second] = [await newPatient(), await newPatient()];
    await a.query("BEGIN");
    await b.query("BEGIN");
    // The first booking lapses the hold and takes the time; its transaction is still open.
    const won = await insert(a, practice, { patientId: first, therapistId, status: "BOOKED", start: START });
    // The second waits for the hold's row, then finds it lapsed and the time taken.
    const racing = insert(b, practice, { patientId: second, therapistId, status: "BOOKED", start: START }).catch(failure);
    const watcher = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await watcher.connect();
    try {
      await waitForLockWaiter(watcher);
    } finally {
      await watcher.end();
    }
    await a.query("COMMIT");
    expect(await racing).toEqual({ code: "23P01", constraint: "Appointment_therapist_no_overlap" });
    await b.query("ROLLBACK");
    expect(await statusOf(won)).toBe("BOOKED");
    expect(await statusOf(hold)).toBe("LAPSED");
    expect(await getPrisma().appointment.count({ where: { therapistId, status: "BOOKED" } })).toBe(1);
  });

  it("goes to exactly one of many bookings sent at once", async () => {
    const practice = await createPractice();
    const therapistId = practice.therapists[0]!.id;
    const hold = await insert(a, practice, { patientId: await newPatient(), therapistId, status: "HELD", start: START, holdExpiresAt: expired() });
    const patients = await Promise.all(Array.from({ length: 6 }, newPatient));
    const clients = patients.map(() => new pg.Client({ connectionString: process.env.DATABASE_URL }));
    await Promise.all(clients.map((c) => c.connect()));
    try {
      const outcomes = await Promise.all(
        clients.map((c, i) =>
          insert(c, practice, { patientId: patients[i]!, therapistId, status: "BOOKED", start: START }).then(
            () => "booked",
            (e: unknown) => failure(e).constraint,
          ),
        ),
      );
      expect(outcomes.filter((o) => o === "booked")).toHaveLength(1);
      expect(outcomes.filter((o) => o === "Appointment_therapist_no_overlap")).toHaveLength(5);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    expect(await statusOf(hold)).toBe("LAPSED");
  });
});
