import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, uniq } from "../../test/fixtures";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { exportCsv } from "./data";
import { importPatients, previewPatientImport } from "./mutations";

const ctx = () => ({ now: new Date(), ipAddress: "203.0.113.9" });
const HEADER = "first_name,last_name,email,phone,date_of_birth,preferred_language,address_line1,city,postal_code";
const file = (...lines: string[]) => new TextEncoder().encode([HEADER, ...lines].join("\r\n") + "\r\n");

async function refusal(run: Promise<unknown>) {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** A fresh surname for each test, so counts find only that test's patients. */
function family() {
  const last = uniq("Imp");
  const count = () => getPrisma().patient.count({ where: { lastName: last } });
  const row = (first: string, extra: { email?: string; dob?: string; phone?: string; lang?: string } = {}) =>
    [first, last, extra.email ?? `${first.replace(/[^A-Za-z]/g, "").toLowerCase()}.${last.toLowerCase()}@example.com`, extra.phone ?? "+1 915 555 0100", extra.dob ?? "1980-02-03", extra.lang ?? "es", "1 Main St", "El Paso", "79912"].join(",");
  return { last, count, row };
}

describe("patient import", () => {
  it("previews per-row errors without writing a patient", async () => {
    const admin = await createStaffMember("ADMIN");
    const f = family();
    const preview = await previewPatientImport(
      admin,
      file(f.row("Ana"), f.row("Bad", { dob: "1980-13-45" }), f.row("Ana"), f.row("Lang", { lang: "fr" }), f.row("Old", { dob: "1850-01-01" }), f.row("Mail", { email: "not-an-email" })),
      ctx(),
    );
    expect(preview).toMatchObject({ rows: 6, toCreate: 1, alreadyPresent: 0 });
    expect(preview.errors.map((e) => [e.row, e.column])).toEqual([
      [3, "date_of_birth"],
      [4, "email"],
      [5, "preferred_language"],
      [6, "date_of_birth"],
      [7, "email"],
    ]);
    expect(preview.errors[1]!.message).toMatch(/Same patient as row 2/);
    expect(await f.count()).toBe(0);
  });

  it("imports a clean file in one go, names sanitised, and a second import of the same file changes nothing", async () => {
    const admin = await createStaffMember("ADMIN");
    const f = family();
    const bytes = file(f.row("Zoë"), f.row("Bi\u202Ell"), f.row("Carla", { lang: "" }));
    const first = await importPatients(admin, bytes, ctx());
    expect(first).toMatchObject({ rows: 3, created: 3, errors: [] });
    const patients = await getPrisma().patient.findMany({ where: { lastName: f.last }, orderBy: { firstName: "asc" } });
    expect(patients.map((p) => [p.firstName, p.preferredLanguage])).toEqual([
      ["Bill", "es"],
      ["Carla", "en"],
      ["Zoë", "es"],
    ]);
    const audit = await getPrisma().auditLog.findFirst({ where: { staffUserId: admin.id, action: "data.import.patients" }, include: { patients: true } });
    expect(audit?.patients.map((p) => p.patientId).sort()).toEqual(patients.map((p) => p.id).sort());

    const again = await importPatients(admin, bytes, ctx());
    expect(again).toMatchObject({ rows: 3, created: 0, alreadyPresent: 3, errors: [] });
    expect(await f.count()).toBe(3);
    const after = await getPrisma().patient.findMany({ where: { lastName: f.last }, orderBy: { firstName: "asc" } });
    expect(after.map((p) => p.updatedAt)).toEqual(patients.map((p) => p.updatedAt));
  });

  it("imports nothing from a file with one bad row", async () => {
    const admin = await createStaffMember("ADMIN");
    const f = family();
    const result = await importPatients(admin, file(f.row("Ann"), f.row("Ben"), f.row("Cy", { dob: "31/12/1980" })), ctx());
    expect(result.created).toBe(0);
    expect(result.errors).toEqual([{ row: 4, column: "date_of_birth", message: expect.any(String) }]);
    expect(await f.count()).toBe(0);
    expect(await getPrisma().auditLog.count({ where: { staffUserId: admin.id, action: "data.import.patients" } })).toBe(0);
  });

  it("refuses formula cells, except a phone number's leading plus", async () => {
    const admin = await createStaffMember("ADMIN");
    const f = family();
    const result = await importPatients(admin, file(f.row("=HYPERLINK(1)"), f.row("@SUM(A1)"), f.row("Dee", { phone: "-2+3" }), f.row("Eve")), ctx());
    expect(result.created).toBe(0);
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [2, "first_name"],
      [3, "first_name"],
      [4, "phone"],
    ]);
    expect(result.errors[0]!.message).toMatch(/formula/);
    expect(await f.count()).toBe(0);
  });

  it("refuses malformed files with a message saying what is wrong, and writes nothing", async () => {
    const admin = await createStaffMember("ADMIN");
    const f = family();
    const before = await getPrisma().auditLog.count({ where: { staffUserId: admin.id } });

    const wrongColumns = await refusal(importPatients(admin, new TextEncoder().encode(`first_name,surname,email,phone,dob\nAna,${f.last},a@example.com,+1 915 555 0100,1980-01-01\n`), ctx()));
    expect(wrongColumns.code).toBe("BAD_REQUEST");
    expect(wrongColumns.message).toMatch(/missing columns last_name, date_of_birth; unknown columns "surname", "dob"/);

    const latin1 = Buffer.concat([Buffer.from(`${HEADER}\r\nJos`), Buffer.from([0xe9]), Buffer.from(`,${f.last},jose@example.com,+1 915 555 0100,1980-01-01,es,1 Main St,El Paso,79912\r\n`)]);
    const notUtf8 = await refusal(importPatients(admin, latin1, ctx()));
    expect(notUtf8.message).toMatch(/not UTF-8/);

    const ragged = await refusal(importPatients(admin, file(`Ana,${f.last}`), ctx()));
    expect(ragged.message).toMatch(/not valid CSV/);

    const empty = await refusal(previewPatientImport(admin, new Uint8Array(), ctx()));
    expect(empty.message).toMatch(/empty/);

    expect(await f.count()).toBe(0);
    expect(await getPrisma().auditLog.count({ where: { staffUserId: admin.id } })).toBe(before);
  });

  it("accepts a UTF-8 byte-order mark, as spreadsheet programs write it", async () => {
    const admin = await createStaffMember("ADMIN");
    const f = family();
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...file(f.row("José"))]);
    expect(await importPatients(admin, bytes, ctx())).toMatchObject({ created: 1 });
    expect((await getPrisma().patient.findFirst({ where: { lastName: f.last } }))?.firstName).toBe("José");
  });

  it("refuses anyone but an administrator", async () => {
    const desk = await createStaffMember("FRONT_DESK");
    const f = family();
    expect((await refusal(importPatients(desk, file(f.row("Ann")), ctx()))).code).toBe("FORBIDDEN");
    expect((await refusal(exportCsv(desk, "patients", ctx()))).code).toBe("FORBIDDEN");
    expect(await f.count()).toBe(0);
  });
});

describe("CSV export", () => {
  it("writes UTF-8 with a byte-order mark, neutralises formula-like cells, and is audited", async () => {
    const admin = await createStaffMember("ADMIN");
    const practice = await createPractice();
    const last = uniq("Exp");
    const patient = await getPrisma().patient.create({
      data: { firstName: "=1+1", lastName: last, email: `${uniq("e")}@example.com`, phone: "+1 915 555 0100", dateOfBirth: new Date("1975-05-06"), city: "@Home" },
    });
    await getPrisma().appointment.create({
      data: {
        patientId: patient.id, therapistId: practice.therapists[0]!.id, serviceId: practice.service.id, locationId: practice.location.id, mode: "CLINIC",
        startsAt: new Date("2031-01-02T15:00:00Z"), endsAt: new Date("2031-01-02T15:45:00Z"), blockedFrom: new Date("2031-01-02T15:00:00Z"), blockedUntil: new Date("2031-01-02T16:00:00Z"), source: "STAFF", manageTokenHash: uniq("hash"), manageTokenExpiresAt: new Date("2031-02-01T00:00:00Z"),
      },
    });

    const bytes = new Uint8Array(await new Response(await exportCsv(admin, "patients", ctx())).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split("\r\n")[0]).toBe("first_name,last_name,email,phone,date_of_birth,preferred_language,address_line1,address_line2,city,region,postal_code");
    const line = text.split("\r\n").find((l) => l.includes(last));
    expect(line).toBe(`'=1+1,${last},${patient.email},'+1 915 555 0100,1975-05-06,en,,,'@Home,,`);

    const appointments = await new Response(await exportCsv(admin, "appointments", ctx())).text();
    const visit = appointments.split("\r\n").find((l) => l.includes(last));
    expect(visit).toContain(`2031-01-02T15:00:00.000Z,2031-01-02T15:45:00.000Z,America/Chicago,BOOKED,CLINIC,STAFF,'=1+1,${last}`);

    const actions = await getPrisma().auditLog.findMany({ where: { staffUserId: admin.id }, select: { action: true }, orderBy: { at: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["data.export.patients", "data.export.appointments"]);
  });
});
