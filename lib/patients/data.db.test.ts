import { randomInt, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, patientInput } from "../../test/fixtures";
import { createBooking } from "../booking/mutations";
import { getPrisma } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { openPatientContact, openPatientProfile, patientSearchSql, searchPatients } from "./data";
import { parsePatientQuery, type PatientCriterion } from "./search-query";

const NOW = new Date("2026-11-23T12:00:00Z");
const ctx = { now: NOW, ipAddress: "203.0.113.7" };

const codeOf = (e: unknown) => (e instanceof AppError ? e.code : String(e));
const letters = () => randomUUID().replace(/[^a-f]/g, "").slice(0, 6).padEnd(6, "x");
const randomDigits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join("");

function criterion(text: string): PatientCriterion {
  const parsed = parsePatientQuery(text);
  if (!parsed || !("criterion" in parsed)) throw new Error(`not a search: ${text}`);
  return parsed.criterion;
}

type Practice = Awaited<ReturnType<typeof createPractice>>;

/** Books a visit for a new patient with the practice's n-th therapist; answers the patient's id. */
async function bookPatient(practice: Practice, details: Partial<ReturnType<typeof patientInput>> = {}, therapist = 0, start = "2026-11-24T09:00:00-06:00", now = NOW) {
  const booked = await createBooking(
    {
      service: practice.service.id,
      start,
      mode: "CLINIC",
      locationId: practice.location.id,
      therapistId: practice.therapists[therapist]!.id,
      patient: { ...patientInput(), ...details },
    },
    { now, ipAddress: "127.0.0.1" },
  );
  const appointment = await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } });
  return { patientId: appointment.patientId, appointmentId: appointment.id };
}

async function searchIds(staff: Awaited<ReturnType<typeof createStaffMember>>, text: string): Promise<string[]> {
  return (await searchPatients(staff, criterion(text), ctx)).patients.map((p) => p.id);
}

describe("searchPatients", () => {
  it("finds a patient by name in either order and by part of a name", async () => {
    const practice = await createPractice();
    const lastName = `Okafor${letters()}`;
    const { patientId } = await bookPatient(practice, { firstName: `Quinn${letters()}`, lastName });
    const desk = await createStaffMember("FRONT_DESK");
    const patient = await getPrisma().patient.findUniqueOrThrow({ where: { id: patientId } });

    expect(await searchIds(desk, `${patient.firstName} ${lastName}`)).toEqual([patientId]);
    expect(await searchIds(desk, `${lastName.toUpperCase()}, ${patient.firstName}`)).toEqual([patientId]);
    expect(await searchIds(desk, lastName.slice(2, 9))).toEqual([patientId]);
    expect(await searchIds(desk, `${patient.firstName.slice(-3)} ${lastName.slice(0, 4)}`)).toEqual([patientId]);
  });

  it("finds a patient by phone digits whatever the formatting on either side", async () => {
    const practice = await createPractice();
    const digits = `9${randomDigits(9)}`;
    const stored = `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
    const { patientId } = await bookPatient(practice, { phone: stored });
    const desk = await createStaffMember("FRONT_DESK");

    expect(await searchIds(desk, `+1 ${digits.slice(0, 3)}.${digits.slice(3, 6)}.${digits.slice(6)}`)).toEqual([patientId]);
    expect(await searchIds(desk, digits)).toEqual([patientId]);
    expect(await searchIds(desk, `${digits.slice(2, 5)} ${digits.slice(5, 9)}`)).toContain(patientId);
  });

  it("finds a patient by part of an email, whatever its case", async () => {
    const practice = await createPractice();
    const email = `${letters()}.${letters()}@clinic-mail.test`;
    const { patientId } = await bookPatient(practice, { email });
    const desk = await createStaffMember("ADMIN");

    expect(await searchIds(desk, email.toUpperCase())).toEqual([patientId]);
    expect(await searchIds(desk, email.slice(0, 10) + "@")).toEqual([]);
    expect(await searchIds(desk, email.slice(0, 13))).toEqual([patientId]);
  });

  it("finds a patient by date of birth written YYYY-MM-DD or MM/DD/YYYY", async () => {
    const practice = await createPractice();
    const year = 1901 + randomInt(48);
    const [month, day] = [1 + randomInt(12), 1 + randomInt(28)];
    const iso = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    const { patientId } = await bookPatient(practice, { dateOfBirth: iso });
    const desk = await createStaffMember("FRONT_DESK");

    for (const text of [iso, `${month}/${day}/${year}`]) {
      const found = await searchPatients(desk, criterion(text), ctx);
      expect(found.patients.map((p) => p.id)).toContain(patientId);
      expect(found.patients.every((p) => p.dateOfBirth === iso)).toBe(true);
    }
  });

  it("lists the next visit still to come, in its location's zone", async () => {
    const practice = await createPractice({ timeZone: "America/Denver" });
    const lastName = `Nakamura${letters()}`;
    const first = await bookPatient(practice, { lastName }, 0, "2026-11-24T09:00:00-07:00");
    const patient = await getPrisma().patient.findUniqueOrThrow({ where: { id: first.patientId } });
    const again = { firstName: patient.firstName, lastName, email: patient.email, dateOfBirth: "1990-04-12" };
    await bookPatient(practice, again, 0, "2026-11-26T09:00:00-07:00");
    await bookPatient(practice, again, 0, "2026-11-20T09:00:00-07:00", new Date("2026-11-18T12:00:00Z"));
    await getPrisma().appointment.update({ where: { id: first.appointmentId }, data: { status: "CANCELLED", cancelledAt: NOW } });
    const desk = await createStaffMember("FRONT_DESK");

    const [row] = (await searchPatients(desk, criterion(lastName), ctx)).patients;
    expect(row?.nextVisit?.startsAt.toISOString()).toBe("2026-11-26T16:00:00.000Z");
    expect(row?.nextVisit?.timeZone).toBe("America/Denver");
  });

  it("shows a therapist only the patients they have a visit with, in any status", async () => {
    const practice = await createPractice({ therapists: 2 });
    const lastName = `Lindqvist${letters()}`;
    const own = await bookPatient(practice, { lastName }, 0);
    const cancelled = await bookPatient(practice, { lastName }, 0, "2026-11-24T11:00:00-06:00");
    await getPrisma().appointment.update({ where: { id: cancelled.appointmentId }, data: { status: "CANCELLED", cancelledAt: NOW } });
    const colleagues = await bookPatient(practice, { lastName }, 1);
    const therapist = await createStaffMember("THERAPIST", practice.therapists[0]!.id);
    const desk = await createStaffMember("FRONT_DESK");

    expect((await searchIds(therapist, lastName)).sort()).toEqual([own.patientId, cancelled.patientId].sort());
    expect((await searchIds(desk, lastName)).sort()).toEqual([own.patientId, cancelled.patientId, colleagues.patientId].sort());
  });

  it("answers at most 50 patients and says there are more", async () => {
    const lastName = `Many${letters()}`;
    await getPrisma().$executeRaw`
      INSERT INTO "Patient" ("firstName", "lastName", "email", "phone", "dateOfBirth", "updatedAt")
      SELECT 'P' || i, ${lastName}, ${lastName} || i || '@many.test', '+1 555 000 0000', date '1980-01-01', now()
      FROM generate_series(1, 60) AS i`;
    const desk = await createStaffMember("FRONT_DESK");
    const found = await searchPatients(desk, criterion(lastName), ctx);
    expect(found.patients).toHaveLength(50);
    expect(found.more).toBe(true);
  });

  it("uses the trigram and date indexes with twenty thousand patients", async () => {
    // Varied names, emails, phones and birth dates, as a real practice has:
    // rows that all shared one prefix would make every trigram common. Names
    // are letters only and emails start with letters, so a slice of one never
    // reads as a phone number (an md5 slice can be all digits).
    const tag = `bulk${letters()}`;
    await getPrisma().$executeRaw`
      INSERT INTO "Patient" ("firstName", "lastName", "email", "phone", "dateOfBirth", "updatedAt")
      SELECT initcap(translate(substr(h, 1, 7), '0123456789', 'ghijklmnop')), initcap(translate(substr(h, 8, 9), '0123456789', 'ghijklmnop')),
             'pt' || substr(h, 17, 8) || '.' || substr(h, 25, 6) || '@bulk.test',
             '+1 (' || substr(d, 1, 3) || ') ' || substr(d, 4, 3) || '-' || substr(d, 7, 4),
             date '1930-01-01' + (abs(hashtext(h)) % 27000), now()
      FROM (
        SELECT md5(${tag} || i) AS h, (1000000000 + abs(hashtext(${tag} || i)::bigint) % 9000000000)::text AS d
        FROM generate_series(1, 20000) AS i
      ) AS generated`;
    // VACUUM as autovacuum would: until then the new rows sit in each GIN
    // index's pending list, which every index scan reads whole, and the planner
    // rightly prefers a sequential scan. ANALYZE alone does not merge that list.
    await getPrisma().$executeRaw`VACUUM ANALYZE "Patient"`;
    const admin = await createStaffMember("ADMIN");
    const [sample] = await getPrisma().$queryRaw<{ firstName: string; lastName: string; email: string; phone: string; dob: string }[]>`
      SELECT "firstName", "lastName", "email", "phone", to_char("dateOfBirth", 'MM/DD/YYYY') AS dob
      FROM "Patient" WHERE "email" = 'pt' || substr(md5(${tag} || 1234), 17, 8) || '.' || substr(md5(${tag} || 1234), 25, 6) || '@bulk.test'`;
    if (!sample) throw new Error("the bulk insert wrote no sample patient");

    const cases: [string, RegExp][] = [
      [`${sample.firstName} ${sample.lastName.slice(0, 5)}`, /Bitmap Index Scan on "Patient_name_trgm_idx"/],
      [`${sample.lastName.slice(2)} ${sample.firstName.slice(0, 3)}`, /Bitmap Index Scan on "Patient_name_reversed_trgm_idx"/],
      [sample.email.slice(0, 12), /Bitmap Index Scan on "Patient_email_trgm_idx"/],
      [sample.email.slice(3), /Bitmap Index Scan on "Patient_email_trgm_idx"/],
      [sample.phone.slice(4), /Bitmap Index Scan on "Patient_phone_digits_trgm_idx"/],
      [sample.phone.slice(-8), /Bitmap Index Scan on "Patient_phone_digits_trgm_idx"/],
      [sample.dob, /Index Scan (on|using) "Patient_dateOfBirth_idx"/],
    ];
    for (const [text, expected] of cases) {
      const plan = await getPrisma().$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${patientSearchSql(admin, criterion(text), NOW)}`);
      const lines = plan.map((row) => row["QUERY PLAN"]).join("\n");
      expect(lines, `plan for ${text}`).toMatch(expected);
      expect(lines, `plan for ${text}`).not.toMatch(/Seq Scan on "Patient"/);
      if (process.env.SHOW_PLANS) console.info(`[explain] ${text}\n${lines}`);
      const found = await searchPatients(admin, criterion(text), ctx);
      expect(found.patients.map((p) => p.email), `results for ${text}`).toContain(sample.email);
    }
  });
});

describe("searchPatients audit", () => {
  it("writes exactly one row per search: the kind of key and how many matched, never what was typed, linked to each patient listed", async () => {
    const practice = await createPractice();
    const lastName = `Audited${letters()}`;
    const first = await bookPatient(practice, { lastName, firstName: "Robin" });
    const second = await bookPatient(practice, { lastName, firstName: "Sam" }, 0, "2026-11-24T10:00:00-06:00");
    const desk = await createStaffMember("FRONT_DESK");

    await searchPatients(desk, criterion(lastName), ctx);
    const rows = await getPrisma().auditLog.findMany({ where: { staffUserId: desk.id }, include: { patients: true } });
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ action: "patient.search", actor: desk.email, ipAddress: "203.0.113.7", patientId: null, detail: { kind: "name", results: 2, more: false } });
    expect(row!.patients.map((p) => p.patientId).sort()).toEqual([first.patientId, second.patientId].sort());
    expect(JSON.stringify(row).toLowerCase()).not.toContain(lastName.toLowerCase());
  });

  it("names the patient on the row when the search found exactly one, and logs a search that found none", async () => {
    const practice = await createPractice();
    const phone = `+1 915 ${randomDigits(3)} ${randomDigits(4)}`;
    const { patientId } = await bookPatient(practice, { phone });
    const desk = await createStaffMember("FRONT_DESK");

    await searchPatients(desk, criterion(phone), ctx);
    await searchPatients(desk, criterion("1900-03-01"), ctx);
    const rows = await getPrisma().auditLog.findMany({ where: { staffUserId: desk.id }, orderBy: { at: "asc" } });
    expect(rows.map((r) => [r.action, r.patientId, r.detail])).toEqual([
      ["patient.search", patientId, { kind: "phone", results: 1, more: false }],
      ["patient.search", null, { kind: "dateOfBirth", results: 0, more: false }],
    ]);
    expect(JSON.stringify(rows)).not.toContain(phone.replace(/\D/g, "").slice(-10));
  });
});

describe("openPatientProfile", () => {
  it("shows contact details, visits to come and past with their zones, and counts no-shows", async () => {
    const practice = await createPractice({ timeZone: "America/Denver" });
    const details = { ...patientInput(), lastName: `Abara${letters()}`, dateOfBirth: "1990-11-23" };
    const past = await bookPatient(practice, details, 0, "2026-11-16T09:00:00-07:00", new Date("2026-11-15T12:00:00Z"));
    await bookPatient(practice, details, 0, "2026-11-18T09:00:00-07:00", new Date("2026-11-15T12:00:00Z"));
    await bookPatient(practice, details, 0, "2026-11-25T10:00:00-07:00");
    await getPrisma().appointment.update({ where: { id: past.appointmentId }, data: { status: "NO_SHOW" } });
    const desk = await createStaffMember("FRONT_DESK");

    const profile = await openPatientProfile(desk, past.patientId, ctx);
    expect(profile.patient).toMatchObject({ lastName: details.lastName, dateOfBirth: "1990-11-23", age: 36, email: details.email });
    expect(profile.upcoming.map((v) => v.startsAt.toISOString())).toEqual(["2026-11-25T17:00:00.000Z"]);
    expect(profile.past.map((v) => v.startsAt.toISOString())).toEqual(["2026-11-18T16:00:00.000Z", "2026-11-16T16:00:00.000Z"]);
    expect(profile.upcoming[0]).toMatchObject({ timeZone: "America/Denver", serviceName: "Therapy", therapistName: "Therapist0 Test", mode: "CLINIC", status: "BOOKED" });
    expect(profile.noShowCount).toBe(1);
  });

  it("writes an audit row for every opening", async () => {
    const practice = await createPractice();
    const { patientId } = await bookPatient(practice);
    const desk = await createStaffMember("FRONT_DESK");

    await openPatientProfile(desk, patientId, ctx);
    await openPatientProfile(desk, patientId, ctx);
    const rows = await getPrisma().auditLog.findMany({ where: { patientId, action: "patient.view" } });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ staffUserId: desk.id, actor: desk.email, entity: "Patient", entityId: patientId, ipAddress: "203.0.113.7" });
  });

  it("answers NOT_FOUND for a colleague's patient and an unknown id, and logs nothing", async () => {
    const practice = await createPractice({ therapists: 2 });
    const { patientId } = await bookPatient(practice, {}, 1);
    const therapist = await createStaffMember("THERAPIST", practice.therapists[0]!.id);

    expect(codeOf(await openPatientProfile(therapist, patientId, ctx).catch((e) => e))).toBe("NOT_FOUND");
    expect(codeOf(await openPatientProfile(therapist, "not-a-uuid", ctx).catch((e) => e))).toBe("NOT_FOUND");
    expect(codeOf(await openPatientProfile(therapist, randomUUID(), ctx).catch((e) => e))).toBe("NOT_FOUND");
    expect(await getPrisma().auditLog.count({ where: { patientId, action: "patient.view" } })).toBe(0);
  });
});

describe("patients: who may call what", () => {
  type Role = "ADMIN" | "FRONT_DESK" | "THERAPIST (own patient)" | "THERAPIST (other's patient)";
  type Call = (staff: Awaited<ReturnType<typeof createStaffMember>>, patientId: string, lastName: string) => Promise<unknown>;
  const calls: Record<string, { call: Call; allowed: Record<Role, boolean> }> = {
    searchPatients: {
      call: async (staff, patientId, lastName) => {
        const found = await searchPatients(staff, criterion(lastName), ctx);
        if (!found.patients.some((p) => p.id === patientId)) throw new AppError("NOT_FOUND", "not listed");
      },
      allowed: { ADMIN: true, FRONT_DESK: true, "THERAPIST (own patient)": true, "THERAPIST (other's patient)": false },
    },
    patientSearchSql: {
      call: async (staff, _patientId, lastName) => patientSearchSql(staff, criterion(lastName), NOW),
      // It builds SQL only; the therapist's limit is inside it (proved by searchPatients).
      allowed: { ADMIN: true, FRONT_DESK: true, "THERAPIST (own patient)": true, "THERAPIST (other's patient)": true },
    },
    openPatientProfile: {
      call: (staff, patientId) => openPatientProfile(staff, patientId, ctx),
      allowed: { ADMIN: true, FRONT_DESK: true, "THERAPIST (own patient)": true, "THERAPIST (other's patient)": false },
    },
    openPatientContact: {
      call: (staff, patientId) => openPatientContact(staff, patientId, ctx),
      allowed: { ADMIN: true, FRONT_DESK: true, "THERAPIST (own patient)": false, "THERAPIST (other's patient)": false },
    },
  };

  for (const [name, { call, allowed }] of Object.entries(calls)) {
    it(`${name}`, async () => {
      const practice = await createPractice({ therapists: 2 });
      const lastName = `Matrix${letters()}`;
      const { patientId } = await bookPatient(practice, { lastName }, 0);
      const staff: Record<Role, Awaited<ReturnType<typeof createStaffMember>>> = {
        ADMIN: await createStaffMember("ADMIN"),
        FRONT_DESK: await createStaffMember("FRONT_DESK"),
        "THERAPIST (own patient)": await createStaffMember("THERAPIST", practice.therapists[0]!.id),
        "THERAPIST (other's patient)": await createStaffMember("THERAPIST", practice.therapists[1]!.id),
      };
      for (const [role, member] of Object.entries(staff) as [Role, (typeof staff)[Role]][]) {
        const outcome = await call(member, patientId, lastName).then(
          () => "allowed",
          (e: unknown) => codeOf(e),
        );
        expect([role, outcome === "allowed"]).toEqual([role, allowed[role]]);
        if (outcome !== "allowed") expect(["NOT_FOUND", "FORBIDDEN"]).toContain(outcome);
      }
      const unlinked = await createStaffMember("THERAPIST");
      expect(codeOf(await call(unlinked, patientId, lastName).catch((e) => e))).toBe("FORBIDDEN");
    });
  }
});
