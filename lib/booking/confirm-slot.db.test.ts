import pg from "pg";
import { describe, expect, it } from "vitest";
import { createPractice, patientInput } from "../../test/fixtures";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { createBooking } from "./mutations";

const NOW = new Date("2026-11-23T12:00:00Z");

async function waitForLockWaiter(client: pg.Client) {
  for (let i = 0; i < 100; i++) {
    // Activity statistics are a snapshot per transaction; this one is open.
    await client.query("SELECT pg_stat_clear_snapshot()");
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (rows[0]!.n > 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the booking never waited for the schedule's lock");
}

describe("a booking racing a schedule change", () => {
  it("waits for the change and is refused when the hours are gone", async () => {
    const practice = await createPractice();
    const therapistId = practice.therapists[0]!.id;
    const schedule = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await schedule.connect();
    try {
      // A desk removes the therapist's hours; the transaction is still open.
      await schedule.query("BEGIN");
      await schedule.query(`SELECT 1 FROM "Therapist" WHERE "id" = $1 FOR UPDATE`, [therapistId]);
      await schedule.query(`DELETE FROM "WeeklyHours" WHERE "therapistId" = $1`, [therapistId]);

      // Meanwhile a patient books: the search still sees the old hours.
      const booking = createBooking(
        { service: practice.service.id, start: "2026-11-24T09:00:00-06:00", mode: "CLINIC", locationId: practice.location.id, patient: patientInput() },
        { now: NOW, ipAddress: "127.0.0.1" },
      ).catch((e: unknown) => e);
      await waitForLockWaiter(schedule);
      await schedule.query("COMMIT");

      const outcome = await booking;
      expect(outcome).toBeInstanceOf(AppError);
      expect((outcome as AppError).code).toBe("SLOT_UNAVAILABLE");
      expect((outcome as AppError).message).toContain("hours changed a moment ago");
      expect(await getPrisma().appointment.count({ where: { therapistId } })).toBe(0);
    } finally {
      await schedule.end();
    }
  });
});

describe("a booking racing a change to its service", () => {
  it("waits for the change and is refused when the therapist no longer offers the service", async () => {
    const practice = await createPractice();
    const therapistId = practice.therapists[0]!.id;
    const settings = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await settings.connect();
    try {
      // An administrator takes the service from the therapist; the transaction is still open.
      await settings.query("BEGIN");
      await settings.query(`SELECT 1 FROM "Service" WHERE "id" = $1 FOR UPDATE`, [practice.service.id]);
      await settings.query(`DELETE FROM "TherapistService" WHERE "serviceId" = $1`, [practice.service.id]);

      // Meanwhile a patient books: the search still sees the therapist offering it.
      const booking = createBooking(
        { service: practice.service.id, start: "2026-11-24T09:00:00-06:00", mode: "CLINIC", locationId: practice.location.id, patient: patientInput() },
        { now: NOW, ipAddress: "127.0.0.1" },
      ).catch((e: unknown) => e);
      await waitForLockWaiter(settings);
      await settings.query("COMMIT");

      const outcome = await booking;
      expect(outcome).toBeInstanceOf(AppError);
      expect((outcome as AppError).code).toBe("SLOT_UNAVAILABLE");
      expect((outcome as AppError).message).toContain("changed a moment ago");
      expect(await getPrisma().appointment.count({ where: { therapistId } })).toBe(0);
    } finally {
      await settings.end();
    }
  });
});
