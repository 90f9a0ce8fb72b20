import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, patientInput } from "../../test/fixtures";
import { changeAppointmentStatus } from "../appointments/mutations";
import { createBooking } from "../booking/mutations";
import { getPrisma } from "../db/client";
import type { VisitMode } from "../db/generated/enums";
import { AppError } from "../errors/app-error";
import { listAuditEntries } from "../audit/data";
import { listTherapistDay } from "./data";
import { createExercise } from "../exercises/mutations";
import { assignProgram, logProgramSession, programMessageKey } from "../exercise-programs/mutations";
import { messageLinkToken } from "../patient-links/tokens";

// 05:30 UTC on 23 November is 23:30 on the 22nd in Chicago: "today" is the
// 22nd there, although UTC has moved on, so a UTC reading would be a day off.
const NOW = new Date("2026-11-23T05:30:00Z");
// Bookings are made a week ahead, so none of them is refused for short notice.
const BOOKED_AT = { now: new Date("2026-11-15T12:00:00Z"), ipAddress: "127.0.0.1" };
const ALL_DAY = [{ weekdays: [1, 2, 3, 4, 5, 6, 7], startMinute: 0, endMinute: 1440, visitModes: ["CLINIC", "HOME", "VIDEO"] as VisitMode[] }];

const codeOf = (e: unknown) => (e instanceof AppError ? e.code : String(e));

async function practiceInChicago(therapists = 2, timeZone = "America/Chicago") {
  return createPractice({
    timeZone,
    therapists,
    rooms: [
      { name: "Room 1", capacity: 1 },
      { name: "Room 2", capacity: 1 },
    ],
    hours: ALL_DAY,
    service: { durationMinutes: 30, bufferAfterMinutes: 0, visitModes: ["CLINIC", "HOME", "VIDEO"] },
  });
}

type Practice = Awaited<ReturnType<typeof practiceInChicago>>;

async function book(
  practice: Practice,
  start: string,
  options: { therapist?: number; mode?: VisitMode; patient?: ReturnType<typeof patientInput>; reason?: string } = {},
) {
  const mode = options.mode ?? "CLINIC";
  const patient = options.patient ?? patientInput(mode === "HOME" ? { address: { line1: "12 Sunset Rd", city: "El Paso", postalCode: "79912" } } : {});
  const booked = await createBooking(
    {
      service: practice.service.id,
      start,
      // Video visits are booked by the clinic, not online: booked as clinic, then turned into one.
      mode: mode === "VIDEO" ? "CLINIC" : mode,
      locationId: practice.location.id,
      therapistId: practice.therapists[options.therapist ?? 0]!.id,
      patient,
      reason: options.reason,
    },
    BOOKED_AT,
  );
  if (mode === "VIDEO") await getPrisma().appointment.update({ where: { id: booked.id }, data: { mode: "VIDEO", roomId: null } });
  return booked.id;
}

describe("listTherapistDay", () => {
  it("lists exactly the therapist's own visits today and tomorrow as the location's zone reads them", async () => {
    const practice = await practiceInChicago();
    const birthdayTomorrow = patientInput({ dateOfBirth: "1990-11-23" });
    const yesterdayLate = await book(practice, "2026-11-21T23:30:00-06:00");
    const todayMorning = await book(practice, "2026-11-22T09:00:00-06:00", { patient: birthdayTomorrow, reason: "Knee hurts on stairs" });
    const todayLate = await book(practice, "2026-11-22T23:30:00-06:00", { mode: "VIDEO" });
    const tomorrowHome = await book(practice, "2026-11-23T08:00:00-06:00", { mode: "HOME" });
    const tomorrowLate = await book(practice, "2026-11-23T23:30:00-06:00", { patient: birthdayTomorrow });
    const dayAfterMidnight = await book(practice, "2026-11-24T00:00:00-06:00");
    const dayAfterLate = await book(practice, "2026-11-24T23:30:00-06:00");
    const colleagues = await book(practice, "2026-11-22T10:00:00-06:00", { therapist: 1 });
    const therapist = await createStaffMember("THERAPIST", practice.therapists[0]!.id);

    const groups = await listTherapistDay(therapist, { now: NOW });

    expect(groups).toHaveLength(1);
    const [group] = groups;
    expect(group!.zone).toBe("America/Chicago");
    expect(group!.days.map((d) => [d.relative, d.date, d.visits.map((v) => v.id)])).toEqual([
      ["today", "2026-11-22", [todayMorning, todayLate]],
      ["tomorrow", "2026-11-23", [tomorrowHome, tomorrowLate]],
    ]);
    const listed = group!.days.flatMap((d) => d.visits.map((v) => v.id));
    for (const hidden of [yesterdayLate, dayAfterMidnight, dayAfterLate, colleagues]) expect(listed).not.toContain(hidden);

    const [morning, late] = group!.days[0]!.visits;
    const [home, tomorrowVisit] = group!.days[1]!.visits;
    // Same patient: 35 on the day before the birthday, 36 on it.
    expect(morning!.patient.age).toBe(35);
    expect(tomorrowVisit!.patient.age).toBe(36);
    expect(morning).toMatchObject({ status: "BOOKED", serviceName: "Therapy", reason: { label: null, text: "Knee hurts on stairs" } });
    const room = await getPrisma().appointment.findUniqueOrThrow({ where: { id: todayMorning } }).room();
    expect(morning!.place).toEqual({ mode: "CLINIC", locationName: practice.location.name, roomName: room!.name });
    expect(late!.place).toEqual({ mode: "VIDEO" });
    expect(home!.place).toEqual({
      mode: "HOME",
      address: "12 Sunset Rd, El Paso, TX 79912",
      mapUrl: "https://www.openstreetmap.org/search?query=12%20Sunset%20Rd%2C%20El%20Paso%2C%20TX%2079912",
    });
  });

  it("never shows a colleague's visits, and shows the colleague only theirs", async () => {
    const practice = await practiceInChicago();
    const mine = await book(practice, "2026-11-22T09:00:00-06:00");
    const theirs = await book(practice, "2026-11-22T09:00:00-06:00", { therapist: 1 });
    const me = await createStaffMember("THERAPIST", practice.therapists[0]!.id);
    const colleague = await createStaffMember("THERAPIST", practice.therapists[1]!.id);

    const ids = async (staff: typeof me) => (await listTherapistDay(staff, { now: NOW })).flatMap((g) => g.days.flatMap((d) => d.visits.map((v) => v.id)));
    expect(await ids(me)).toEqual([mine]);
    expect(await ids(colleague)).toEqual([theirs]);
  });

  it("puts a cancelled visit after the day's other visits, with its status", async () => {
    const practice = await practiceInChicago(1);
    const early = await book(practice, "2026-11-22T08:00:00-06:00");
    const later = await book(practice, "2026-11-22T11:00:00-06:00");
    const desk = await createStaffMember("FRONT_DESK");
    await changeAppointmentStatus(desk, { appointmentId: early, action: "cancel", reason: "Patient is ill" }, { now: NOW, ipAddress: null });
    const therapist = await createStaffMember("THERAPIST", practice.therapists[0]!.id);

    const [group] = await listTherapistDay(therapist, { now: NOW });
    expect(group!.days[0]!.visits.map((v) => [v.id, v.status])).toEqual([
      [later, "BOOKED"],
      [early, "CANCELLED"],
    ]);
  });

  it("splits the agenda per location when the therapist works in two zones, each with its own today", async () => {
    const chicago = await practiceInChicago(1);
    const denver = await practiceInChicago(1, "America/Denver");
    const therapistId = chicago.therapists[0]!.id;
    await getPrisma().therapistLocation.create({ data: { therapistId, locationId: denver.location.id } });
    const therapist = await createStaffMember("THERAPIST", therapistId);
    // 06:30 UTC on the 23rd: already the 23rd in Chicago, still the 22nd in Denver.
    const now = new Date("2026-11-23T06:30:00Z");

    const groups = await listTherapistDay(therapist, { now });
    const byLocation = new Map(groups.map((g) => [g.location?.id, g]));
    expect(groups).toHaveLength(2);
    expect(byLocation.get(chicago.location.id)?.days.map((d) => d.date)).toEqual(["2026-11-23", "2026-11-24"]);
    expect(byLocation.get(denver.location.id)?.days.map((d) => d.date)).toEqual(["2026-11-22", "2026-11-23"]);
    expect(byLocation.get(denver.location.id)?.zone).toBe("America/Denver");
  });

  it("writes one audit row per view, linked to every patient shown", async () => {
    const practice = await practiceInChicago(1);
    const first = await book(practice, "2026-11-22T09:00:00-06:00");
    const second = await book(practice, "2026-11-23T09:00:00-06:00");
    const therapist = await createStaffMember("THERAPIST", practice.therapists[0]!.id);
    const patientIds = (await getPrisma().appointment.findMany({ where: { id: { in: [first, second] } }, select: { patientId: true } })).map((a) => a.patientId);

    await listTherapistDay(therapist, { now: NOW, ipAddress: "10.0.0.7" });
    await listTherapistDay(therapist, { now: NOW });

    const rows = await getPrisma().auditLog.findMany({
      where: { staffUserId: therapist.id, action: "therapist-day.view" },
      orderBy: { at: "asc" },
      include: { patients: true },
    });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ entity: "Therapist", entityId: practice.therapists[0]!.id, actor: therapist.email, ipAddress: "10.0.0.7", patientId: null });
    expect(rows[0]!.patients.map((p) => p.patientId).sort()).toEqual([...patientIds].sort());
    const detail = rows[0]!.detail as { appointmentIds: string[]; dates: string[] };
    expect(detail.appointmentIds).toEqual([first, second]);
    expect(detail.dates).toEqual(["2026-11-22", "2026-11-23"]);

    // An administrator filtering the log by one of these patients finds both views.
    const admin = await createStaffMember("ADMIN");
    const { entries } = await listAuditEntries(admin, { patientId: patientIds[0]!, action: "therapist-day.view" });
    expect(entries.map((e) => e.id).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(entries[0]!.patientsListed).toBe(2);
  });

  it("names the patient on the row when the day shows exactly one", async () => {
    const practice = await practiceInChicago(1);
    const only = await book(practice, "2026-11-23T11:00:00-06:00");
    const therapist = await createStaffMember("THERAPIST", practice.therapists[0]!.id);
    const { patientId } = await getPrisma().appointment.findUniqueOrThrow({ where: { id: only }, select: { patientId: true } });

    await listTherapistDay(therapist, { now: NOW });
    const row = await getPrisma().auditLog.findFirstOrThrow({ where: { staffUserId: therapist.id, action: "therapist-day.view" } });
    expect(row.patientId).toBe(patientId);
  });

  it("refuses anyone but a therapist with a linked therapist record", async () => {
    for (const staff of [await createStaffMember("ADMIN"), await createStaffMember("FRONT_DESK"), await createStaffMember("THERAPIST", null)]) {
      expect(codeOf(await listTherapistDay(staff, { now: NOW }).catch((e) => e))).toBe("FORBIDDEN");
    }
  });

  it("shows, for a patient with a current home program, this week's sessions against those prescribed and the last pain ratings, and audits the programs shown", async () => {
    const practice = await practiceInChicago(1);
    const therapist = await createStaffMember("THERAPIST", practice.therapists[0]!.id);
    const patient = patientInput();
    const earlierVisit = await book(practice, "2026-11-16T09:00:00-06:00", { patient });
    const todayVisit = await book(practice, "2026-11-22T09:00:00-06:00", { patient });
    const other = await book(practice, "2026-11-22T11:00:00-06:00");
    const { id: exerciseId } = await createExercise(therapist, { nameEn: "Butterfly", nameEs: "Mariposa", stepsEn: "Sit.", stepsEs: "Siéntese.", sets: 1, repetitionsMin: 2, repetitionsMax: 3, holdSecondsMin: 45, holdSecondsMax: 60, perSide: false }, BOOKED_AT);
    const formId = crypto.randomUUID();
    const at = (iso: string) => ({ now: new Date(iso), ipAddress: null });
    await assignProgram(therapist, { appointmentId: earlierVisit, formId, language: "en", sessionsPerWeek: 3, weeks: 2, items: [{ exerciseId, sets: 1, repetitionsMin: 2, repetitionsMax: 3, holdSecondsMin: 45, holdSecondsMax: 60, perSide: false }] }, at("2026-11-16T16:00:00Z"));
    const message = await getPrisma().message.findUniqueOrThrow({ where: { dedupeKey: programMessageKey(formId) } });
    const token = messageLinkToken(message.id, "program", formId);
    // NOW is Sunday 22 November, 23:30 in Chicago: still the week that began on Monday the 16th there.
    for (const [iso, pain] of [["2026-11-17T01:00:00Z", 6], ["2026-11-19T01:00:00Z", 4]] as const) {
      await logProgramSession(token, { clientKey: crypto.randomUUID(), pain: String(pain) }, at(iso));
    }

    const visits = (await listTherapistDay(therapist, { now: NOW })).flatMap((g) => g.days.flatMap((d) => d.visits));
    expect(visits.find((v) => v.id === todayVisit)?.homeProgram).toMatchObject({ programId: formId, sessionsPerWeek: 3, doneThisWeek: 2, painTrend: [6, 4] });
    expect(visits.find((v) => v.id === other)?.homeProgram).toBeNull();
    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "therapist-day.view", staffUserId: therapist.id }, orderBy: { at: "desc" } });
    expect((audit.detail as { programIds: string[] }).programIds).toEqual([formId]);
  });
  it("gives each visit the patient's latest pain and function score, and says a check is due when there is none or it is two weeks old", async () => {
    const practice = await practiceInChicago(1);
    const therapist = await createStaffMember("THERAPIST", practice.therapists[0]!.id);
    const recent = patientInput();
    const stale = patientInput();
    const recentVisit = await book(practice, "2026-11-23T09:00:00-06:00", { patient: recent });
    const staleVisit = await book(practice, "2026-11-23T10:00:00-06:00", { patient: stale });
    const firstVisit = await book(practice, "2026-11-23T11:00:00-06:00");
    const patientOf = async (id: string) => (await getPrisma().appointment.findUniqueOrThrow({ where: { id }, select: { patientId: true } })).patientId;
    const score = async (patientId: string, iso: string, pain: number, fn: number) =>
      getPrisma().progressScore.create({ data: { patientId, pain, function: fn, source: "CHECK", recordedAt: new Date(iso) } });
    await score(await patientOf(recentVisit), "2026-11-05T16:00:00Z", 7, 40);
    await score(await patientOf(recentVisit), "2026-11-16T16:00:00Z", 4, 70);
    // Exactly fourteen days before the visit: due.
    await score(await patientOf(staleVisit), "2026-11-09T16:00:00Z", 5, 50);

    const visits = (await listTherapistDay(therapist, { now: NOW })).flatMap((g) => g.days.flatMap((d) => d.visits));
    expect(visits.find((v) => v.id === recentVisit)?.progress).toEqual({ last: expect.objectContaining({ pain: 4, function: 70, source: "CHECK" }), checkDue: false });
    expect(visits.find((v) => v.id === staleVisit)?.progress).toEqual({ last: expect.objectContaining({ pain: 5, function: 50 }), checkDue: true });
    expect(visits.find((v) => v.id === firstVisit)?.progress).toEqual({ last: null, checkDue: true });
  });
});
