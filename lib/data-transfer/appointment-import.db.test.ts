import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, uniq } from "../../test/fixtures";
import { getPrisma } from "../db/client";
import { importAppointments, previewAppointmentImport } from "./mutations";

const ctx = () => ({ now: new Date("2030-06-01T12:00:00Z"), ipAddress: "203.0.113.9" });
const HEADER = "source_id,patient_email,patient_date_of_birth,patient_first_name,therapist,service,location,start,mode";
const file = (...lines: string[]) => new TextEncoder().encode([HEADER, ...lines].join("\n") + "\n");

async function setting() {
  const admin = await createStaffMember("ADMIN");
  const practice = await createPractice({ therapists: 2, rooms: [{ name: "Room 1", capacity: 2 }], service: { visitModes: ["CLINIC", "HOME", "VIDEO"] } });
  const therapist = practice.therapists[0]!;
  const email = `${uniq("appt")}@example.com`;
  const patient = await getPrisma().patient.create({ data: { firstName: "Rosa", lastName: uniq("Appt"), email, phone: "+1 915 555 0100", dateOfBirth: new Date("1970-04-05") } });
  const other = await getPrisma().patient.create({ data: { firstName: "Tom", lastName: uniq("Appt"), email: `t.${email}`, phone: "+1 915 555 0101", dateOfBirth: new Date("1971-04-05") } });
  const line = (source: string, start: string, extra: { who?: typeof patient; mode?: string; therapist?: string; service?: string } = {}) => {
    const p = extra.who ?? patient;
    return [source, p.email.toUpperCase(), p.dateOfBirth.toISOString().slice(0, 10), "", extra.therapist ?? therapist.slug, extra.service ?? practice.service.slug, practice.location.name, start, extra.mode ?? "clinic"].join(",");
  };
  const visits = () => getPrisma().appointment.findMany({ where: { patientId: { in: [patient.id, other.id] } }, orderBy: { startsAt: "asc" } });
  return { admin, practice, therapist, patient, other, line, visits };
}

describe("appointment import", () => {
  it("previews per-row errors: unknown therapist or service, bad and past dates, overlaps, modes", async () => {
    const s = await setting();
    const preview = await previewAppointmentImport(
      s.admin,
      file(
        s.line("a1", "2030-07-01 09:00"),
        s.line("a2", "2030-07-01 09:30", { who: s.other }),
        s.line("a3", "2030-07-02 09:00", { therapist: "Nobody Here" }),
        s.line("a4", "2030-07-02 10:00", { service: "Dry needling" }),
        s.line("a5", "2030-02-30 09:00"),
        s.line("a6", "2030-05-01T09:00-05:00"),
        s.line("a7", "2030-03-10 02:30"),
        s.line("a8", "2030-07-03 09:00", { mode: "teleport" }),
        s.line("a1", "2030-07-04 09:00"),
      ),
      ctx(),
    );
    expect(preview).toMatchObject({ rows: 9, toCreate: 1, alreadyPresent: 0 });
    expect(preview.errors.map((e) => [e.row, e.column])).toEqual([
      [3, "start"],
      [4, "therapist"],
      [5, "service"],
      [6, "start"],
      [7, "start"],
      [8, "start"],
      [9, "mode"],
      [10, "source_id"],
    ]);
    expect(preview.errors[0]!.message).toBe("Overlaps row 2 (same therapist).");
    expect(preview.errors[4]!.message).toMatch(/passed/);
    expect(preview.errors[5]!.message).toMatch(/does not exist in America\/Chicago/);
    expect(await s.visits()).toEqual([]);
  });

  it("books a clean file in one transaction, reading local times in the location's zone; the same file again books nothing", async () => {
    const s = await setting();
    const bytes = file(s.line("a1", "2030-07-01 09:00"), s.line("a2", "2030-07-01T10:00-04:00", { who: s.other, therapist: s.practice.therapists[1]!.slug }), s.line("", "2030-07-02 09:00", { mode: "video" }));
    const first = await importAppointments(s.admin, bytes, ctx());
    expect(first).toMatchObject({ rows: 3, created: 3, errors: [] });
    const visits = await s.visits();
    expect(visits.map((v) => [v.startsAt.toISOString(), v.endsAt.toISOString(), v.mode, v.roomId !== null])).toEqual([
      ["2030-07-01T14:00:00.000Z", "2030-07-01T14:45:00.000Z", "CLINIC", true],
      ["2030-07-01T14:00:00.000Z", "2030-07-01T14:45:00.000Z", "CLINIC", true],
      ["2030-07-02T14:00:00.000Z", "2030-07-02T14:45:00.000Z", "VIDEO", false],
    ].sort() as never);
    expect(new Set(visits.map((v) => v.importKey)).size).toBe(3);

    const again = await importAppointments(s.admin, bytes, ctx());
    expect(again).toMatchObject({ created: 0, alreadyPresent: 3, errors: [] });
    expect(await s.visits()).toHaveLength(3);
  });

  it("imports nothing when one row clashes with a visit already booked", async () => {
    const s = await setting();
    await importAppointments(s.admin, file(s.line("x1", "2030-08-01 09:00")), ctx());
    const result = await importAppointments(s.admin, file(s.line("y1", "2030-08-02 09:00"), s.line("y2", "2030-08-01 09:15", { who: s.other })), ctx());
    expect(result.created).toBe(0);
    expect(result.errors).toEqual([{ row: 3, column: "start", message: "The therapist already has a visit booked at this time." }]);
    expect(await s.visits()).toHaveLength(1);
  });
});
