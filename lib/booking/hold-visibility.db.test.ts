// A time held for an online payment is not a visit: wherever visits are
// listed, counted, exported or opened, a hold is not; the staff calendar shows
// a live one as a neutral block naming nobody, and an expired one not at all.
import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { createPractice, createStaffMember, patientInput, uniq } from "../../test/fixtures";
import { startIn, zoneAtLocalHour } from "../../test/reminder-visits";
import { calendarETag, openCalendar, openCalendarVisit } from "../calendar/data";
import type { CalendarQuery } from "../calendar/schema";
import { exportCsv } from "../data-transfer/data";
import { previewAppointmentImport } from "../data-transfer/mutations";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { openPatientProfile, searchPatients } from "../patients/data";
import { findVisitRoom } from "../video/data";
import { videoJoinTokenFor } from "../video/join-token";
import { listTherapistDay } from "../visits/data";
import { confirmHold, createHold } from "./holds";
import { openBooking } from "./mutations";

const MINUTE = 60_000;
const ALL_DAY = [{ weekdays: [1, 2, 3, 4, 5, 6, 7], startMinute: 0, endMinute: 24 * 60, visitModes: ["CLINIC" as const, "HOME" as const, "VIDEO" as const] }];
const ctx = () => ({ now: new Date(), ipAddress: "127.0.0.1" });

async function heldTime(options: { minutesAgo?: number; hoursAhead?: number; mode?: "CLINIC" | "VIDEO" } = {}) {
  const zone = zoneAtLocalHour(12);
  const practice = await createPractice({ timeZone: zone, hours: ALL_DAY, service: { horizonDays: 200, visitModes: ["CLINIC", "HOME", "VIDEO"] } });
  const patient = { ...patientInput(), phone: "+19155550188" };
  const start = startIn(options.hoursAhead ?? 3, zone);
  const hold = await createHold(
    { service: practice.service.id, start, mode: options.mode ?? "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient, language: "en" },
    { now: new Date(Date.now() - (options.minutesAgo ?? 0) * MINUTE), ipAddress: "127.0.0.1" },
  );
  const row = await getPrisma().appointment.findUniqueOrThrow({ where: { id: hold.id } });
  const query: CalendarQuery = { location: practice.location.id, date: start.slice(0, 10), view: "day" };
  return { practice, patient, start, hold, row, query };
}

async function expectNotFound(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("NOT_FOUND");
}

describe("the staff calendar", () => {
  it("shows a live hold as a held time naming no patient, and no visit", async () => {
    const { practice, patient, start, hold, row, query } = await heldTime();
    const desk = await createStaffMember("FRONT_DESK");
    const board = await openCalendar(desk, query, ctx());
    expect(board.appointments).toEqual([]);
    expect(board.holds).toEqual([{ therapistId: practice.therapists[0]!.id, start, end: hold.end, until: hold.expiresAt }]);
    const sent = JSON.stringify(board);
    for (const secret of [hold.id, row.patientId, patient.firstName, patient.lastName, patient.email, "5550188"]) expect(sent).not.toContain(secret);
    await expectNotFound(openCalendarVisit(desk, hold.id, ctx()));
  });

  it("shows nothing for an expired hold, and a board cached with it changes its ETag when it expires", async () => {
    const { hold, query } = await heldTime();
    const desk = await createStaffMember("FRONT_DESK");
    const before = await calendarETag(query);
    // Time passes: the hold expires with no write the board's version counters see.
    await getPrisma().$executeRaw`UPDATE "Appointment" SET "holdExpiresAt" = now() - interval '1 minute' WHERE "id" = ${hold.id}::uuid`;
    expect(await calendarETag(query)).not.toBe(before);
    const board = await openCalendar(desk, query, ctx());
    expect(board.holds).toEqual([]);
    expect(board.appointments).toEqual([]);
  });

  it("shows a paid hold as the visit it became", async () => {
    const { hold, query } = await heldTime();
    const desk = await createStaffMember("FRONT_DESK");
    await confirmHold(hold.id, new Date());
    const board = await openCalendar(desk, query, ctx());
    expect(board.holds).toEqual([]);
    expect(board.appointments.map((a) => a.id)).toEqual([hold.id]);
  });
});

describe("a hold is no visit", () => {
  it("in the patient's profile or the therapist's day, and gives the therapist no patient to read", async () => {
    const { practice, hold, row } = await heldTime();
    const admin = await createStaffMember("ADMIN");
    const therapist = await createStaffMember("THERAPIST", practice.therapists[0]!.id);
    const profile = await openPatientProfile(admin, row.patientId, ctx());
    expect([...profile.upcoming, ...profile.past]).toEqual([]);
    const day = await listTherapistDay(therapist, ctx());
    expect(day.flatMap((g) => g.days.flatMap((d) => d.visits.map((v) => v.id)))).not.toContain(hold.id);
    await expectNotFound(openPatientProfile(therapist, row.patientId, ctx()));
    const found = await searchPatients(therapist, { kind: "name", text: row.patientFirstName! }, ctx());
    expect(found.patients).toEqual([]);
  });

  it("in the appointment export", async () => {
    const { hold } = await heldTime();
    const admin = await createStaffMember("ADMIN");
    const csv = await new Response(await exportCsv(admin, "appointments", ctx())).text();
    expect(csv).not.toContain(hold.id);
  });

  it("behind its links, until it is paid for and booked", async () => {
    const { hold } = await heldTime({ mode: "VIDEO" });
    await expectNotFound(openBooking(hold.manageToken, ctx()));
    expect(await findVisitRoom(videoJoinTokenFor(hold.manageToken), new Date())).toBeNull();
    await confirmHold(hold.id, new Date());
    expect((await openBooking(hold.manageToken, ctx())).dto.status).toBe("BOOKED");
    expect(await findVisitRoom(videoJoinTokenFor(hold.manageToken), new Date())).not.toBeNull();
  });
});

describe("an import", () => {
  it("reports a row over a live hold as a clash, as the database would refuse it", async () => {
    const admin = await createStaffMember("ADMIN");
    const practice = await createPractice();
    const therapist = practice.therapists[0]!;
    const email = `${uniq("import")}@example.com`;
    const patient = await getPrisma().patient.create({ data: { firstName: "Rosa", lastName: uniq("Import"), email, phone: "+1 915 555 0100", dateOfBirth: new Date("1970-04-05") } });
    const payer = await getPrisma().patient.create({ data: { firstName: "Paz", lastName: uniq("Paying"), email: `p.${email}`, phone: "+1 915 555 0101", dateOfBirth: new Date("1971-04-05") } });
    const now = new Date("2030-06-01T12:00:00Z");
    // 2030-08-01 09:00 in Chicago, held until after the import's clock.
    const startsAt = new Date("2030-08-01T14:00:00Z");
    const endsAt = new Date("2030-08-01T14:45:00Z");
    await getPrisma().appointment.create({
      data: {
        patientId: payer.id, therapistId: therapist.id, serviceId: practice.service.id, locationId: practice.location.id, mode: "CLINIC",
        startsAt, endsAt, blockedFrom: startsAt, blockedUntil: endsAt, status: "HELD", holdExpiresAt: new Date("2030-06-01T12:10:00Z"),
        source: "ONLINE", manageTokenHash: randomUUID(), manageTokenExpiresAt: endsAt,
      },
    });
    const header = "source_id,patient_email,patient_date_of_birth,patient_first_name,therapist,service,location,start,mode";
    const row = ["h1", email, "1970-04-05", "", therapist.slug, practice.service.slug, practice.location.name, "2030-08-01 09:15", "clinic"].join(",");
    const preview = await previewAppointmentImport(admin, new TextEncoder().encode(`${header}\n${row}\n`), { now, ipAddress: "127.0.0.1" });
    expect(preview.toCreate).toBe(0);
    expect(preview.errors).toEqual([{ row: 2, column: "start", message: "The therapist already has a visit booked at this time." }]);
    expect(await getPrisma().appointment.count({ where: { patientId: patient.id } })).toBe(0);
  });
});
