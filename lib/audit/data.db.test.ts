import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, uniq } from "../../test/fixtures";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { AUDIT_PAGE_SIZE, listAuditEntries, type AuditFilters } from "./data";
import { recordAudit } from "./mutations";

const codeOf = (e: unknown) => (e instanceof AppError ? e.code : String(e));

/** Audit rows by one new staff member, at the given instants. */
async function writeEntries(ats: Date[], extra: { action?: string; patientId?: string } = {}) {
  const actor = await createStaffMember("FRONT_DESK");
  await getPrisma().auditLog.createMany({
    data: ats.map((at, i) => ({
      at,
      staffUserId: actor.id,
      actor: actor.email,
      action: extra.action ?? "patient.view",
      entity: "Patient",
      entityId: randomUUID(),
      patientId: extra.patientId ?? null,
      ipAddress: `203.0.113.${i % 250}`,
    })),
  });
  return actor;
}

async function allPages(admin: Awaited<ReturnType<typeof createStaffMember>>, filters: AuditFilters) {
  const pages = [];
  let page = await listAuditEntries(admin, filters);
  pages.push(page.entries);
  while (page.next) {
    page = await listAuditEntries(admin, { ...filters, after: page.next });
    pages.push(page.entries);
  }
  return pages;
}

describe("listAuditEntries", () => {
  it("pages newest first, 50 at a time, without skipping or repeating entries that share an instant", async () => {
    const base = Date.parse("2031-03-01T10:00:00Z");
    // Three entries per instant, so page ends fall inside a run of equal times.
    const ats = Array.from({ length: 120 }, (_, i) => new Date(base + Math.floor(i / 3) * 1000));
    const actor = await writeEntries(ats);
    const admin = await createStaffMember("ADMIN");

    const pages = await allPages(admin, { staffUserId: actor.id });
    expect(pages.map((p) => p.length)).toEqual([AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE, 20]);
    const entries = pages.flat();
    expect(new Set(entries.map((e) => e.id)).size).toBe(120);
    const keys = entries.map((e) => [e.at.getTime(), e.id] as const);
    const sorted = [...keys].sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? 1 : -1));
    expect(keys).toEqual(sorted);
    expect(entries[0]).toMatchObject({ who: "FRONT_DESK Tester", action: "patient.view", entity: "Patient" });
  });

  it("filters by action, patient and a date range read in UTC", async () => {
    const patient = await getPrisma().patient.create({
      data: { firstName: uniq("Audit"), lastName: "Filter", email: `${uniq("a")}@example.com`, phone: "+1 915 555 0100", dateOfBirth: new Date("1980-01-01") },
    });
    const action = "staff.deactivate";
    const actor = await writeEntries(
      [new Date("2031-05-01T23:59:59.999Z"), new Date("2031-05-02T00:00:00Z"), new Date("2031-05-03T23:59:59.999Z"), new Date("2031-05-04T00:00:00Z")],
      { action, patientId: patient.id },
    );
    await writeEntries([new Date("2031-05-02T12:00:00Z")], { action: "patient.view", patientId: patient.id });
    const admin = await createStaffMember("ADMIN");

    const inRange = await listAuditEntries(admin, { action, staffUserId: actor.id, from: "2031-05-02", to: "2031-05-03" });
    expect(inRange.entries.map((e) => e.at.toISOString())).toEqual(["2031-05-03T23:59:59.999Z", "2031-05-02T00:00:00.000Z"]);
    expect((await listAuditEntries(admin, { patientId: patient.id })).entries).toHaveLength(5);
    expect((await listAuditEntries(admin, { patientId: patient.id, staffUserId: actor.id })).entries).toHaveLength(4);
  });

  it("finds a patient in the lists that showed them, not only on rows that name them", async () => {
    const [shown, other] = [randomUUID(), randomUUID()];
    const desk = await createStaffMember("FRONT_DESK");
    const rows = [
      { action: "patient.search", patientIds: [shown, other] },
      { action: "patient.search", patientIds: [other] },
      { action: "patient.view", patientId: shown },
    ] as const;
    for (const row of rows) {
      await recordAudit(getPrisma(), { staffUserId: desk.id, actor: desk.email, entity: "Patient", entityId: "x", ...row });
    }
    const admin = await createStaffMember("ADMIN");

    const { entries } = await listAuditEntries(admin, { patientId: shown });
    // Rows written in the same millisecond come in id order: compare as sets.
    expect(entries.map((e) => [e.action, e.patientId, e.patientsListed]).sort()).toEqual([
      ["patient.search", null, 2],
      ["patient.view", shown, 0],
    ]);
    expect((await listAuditEntries(admin, { patientId: other, action: "patient.search" })).entries).toHaveLength(2);
  });

  it("names the actor when no staff member acted", async () => {
    const entityId = randomUUID();
    await getPrisma().auditLog.create({ data: { actor: "patient via manage link", action: "appointment.view", entity: "Appointment", entityId, patientId: null } });
    const admin = await createStaffMember("ADMIN");
    const { entries } = await listAuditEntries(admin, { action: "appointment.view" });
    expect(entries.find((e) => e.entityId === entityId)?.who).toBe("patient via manage link");
  });

  it("refuses an id that is not one", async () => {
    const admin = await createStaffMember("ADMIN");
    expect(codeOf(await listAuditEntries(admin, { patientId: "nope" }).catch((e) => e))).toBe("BAD_REQUEST");
  });

  it("is for administrators only", async () => {
    const { therapists } = await createPractice();
    const outcomes: Record<string, string> = {};
    for (const member of [await createStaffMember("ADMIN"), await createStaffMember("FRONT_DESK"), await createStaffMember("THERAPIST", therapists[0]!.id)]) {
      outcomes[member.role] = await listAuditEntries(member, {}).then(
        () => "allowed",
        (e: unknown) => codeOf(e),
      );
    }
    expect(outcomes).toEqual({ ADMIN: "allowed", FRONT_DESK: "FORBIDDEN", THERAPIST: "FORBIDDEN" });
  });
});
