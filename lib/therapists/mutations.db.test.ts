import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, patientInput, uniq } from "../../test/fixtures";
import { signInWithPassword } from "../auth/mutations";
import { confirmSlotUnderLock } from "../booking/confirm-slot";
import { createBooking } from "../booking/mutations";
import { listTherapists, searchSlots } from "../booking/data";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import type { CheckedImage } from "../images/image-file";
import { addTherapistLogin, createTherapist, updateTherapist } from "./mutations";
import type { CreateTherapistInput } from "./schema";
import { getTherapistSettings } from "./data";

// Monday 2026-10-26, 07:00 in Chicago.
const NOW = new Date("2026-10-26T12:00:00Z");
const ctx = { now: NOW, ipAddress: "192.0.2.80" };
const ZONE = "America/Chicago";
const PNG: CheckedImage = { contentType: "image/png", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]) };

const failure = (e: unknown) => (e instanceof AppError ? { code: e.code, message: e.message, fields: e.fields } : { code: String(e) });

async function setting() {
  const p = await createPractice({ timeZone: ZONE, hours: [{ weekdays: [1, 2, 3, 4, 5], startMinute: 480, endMinute: 1020, visitModes: ["CLINIC", "HOME"] }] });
  const admin = await createStaffMember("ADMIN");
  // The settings form asks for a language at least; the bare fixture has none.
  await getPrisma().therapist.update({ where: { id: p.therapists[0]!.id }, data: { languages: ["en"] } });
  return { ...p, therapist: p.therapists[0]!, admin };
}

function form(p: Awaited<ReturnType<typeof setting>>, overrides: Partial<CreateTherapistInput> = {}): CreateTherapistInput {
  return {
    firstName: "Ana",
    lastName: uniq("Reyes"),
    credentials: "PT, DPT",
    bioEn: "Treats runners.",
    bioEs: "Trata a corredores.",
    languages: ["es", "en"],
    visitModes: ["CLINIC"],
    locationIds: [p.location.id],
    serviceIds: [p.service.id],
    ...overrides,
  };
}

/** The page's current values as the edit form sends them back. */
async function current(p: Awaited<ReturnType<typeof setting>>, therapistId: string) {
  const t = await getTherapistSettings(p.admin, therapistId);
  return {
    id: t.id,
    firstName: t.firstName,
    lastName: t.lastName,
    credentials: t.credentials,
    bioEn: t.bioEn,
    bioEs: t.bioEs,
    languages: t.languages as CreateTherapistInput["languages"],
    visitModes: t.visitModes,
    locationIds: t.locationIds,
    serviceIds: t.serviceIds,
    active: t.active,
  };
}

async function book(p: Awaited<ReturnType<typeof setting>>, start: string, mode: "CLINIC" | "HOME" = "CLINIC") {
  const created = await createBooking(
    {
      service: p.service.id,
      start,
      mode,
      locationId: p.location.id,
      therapistId: p.therapist.id,
      patient: patientInput(mode === "HOME" ? { address: { line1: "1 Elm St", city: "Testville", postalCode: "79912" } } : {}),
    },
    ctx,
  );
  return created.id;
}

async function counts() {
  const prisma = getPrisma();
  return {
    therapists: await prisma.therapist.count(),
    staff: await prisma.staffUser.count(),
    images: await prisma.storedImage.count(),
    audit: await prisma.auditLog.count({ where: { action: { startsWith: "settings.therapist" } } }),
  };
}

describe("createTherapist", () => {
  it("adds a therapist with photo, languages, modes, locations and services, a free slug and an audit row", async () => {
    const p = await setting();
    const lastName = uniq("Reyes");
    const first = await createTherapist(p.admin, form(p, { firstName: " \u202EAna\u200B ", lastName, bioEn: " Runs.\u2066 " }), PNG, ctx);
    const second = await createTherapist(p.admin, form(p, { lastName }), null, ctx);
    const row = await getPrisma().therapist.findUniqueOrThrow({ where: { id: first.id }, include: { locations: true, services: true, photo: true } });
    expect(row).toMatchObject({ firstName: "Ana", lastName, bioEn: "Runs.", languages: ["es", "en"], visitModes: ["CLINIC"], active: true, slug: `ana-${lastName.toLowerCase()}` });
    expect(row.photo?.contentType).toBe("image/png");
    expect(row.locations.map((l) => l.locationId)).toEqual([p.location.id]);
    expect(row.services.map((s) => s.serviceId)).toEqual([p.service.id]);
    expect((await getPrisma().therapist.findUniqueOrThrow({ where: { id: second.id } })).slug).toBe(`ana-${lastName.toLowerCase()}-2`);
    expect(first.login).toBeNull();
    const log = await getPrisma().auditLog.findFirstOrThrow({ where: { entityId: first.id, action: "settings.therapist.create" } });
    expect(log).toMatchObject({ staffUserId: p.admin.id, entity: "Therapist", ipAddress: "192.0.2.80" });
    expect(log.detail).toMatchObject({ withLogin: false, fields: expect.arrayContaining(["firstName", "languages", "locations", "services", "photo"]) });
  });

  it("refuses bad fields with a message for each, and writes nothing", async () => {
    const p = await setting();
    const before = await counts();
    const refused = await createTherapist(
      p.admin,
      form(p, { firstName: "\u200B\u202E", lastName: "", languages: [], visitModes: ["BOAT" as "CLINIC"], locationIds: [], serviceIds: ["not-an-id"], loginEmail: "nope" }),
      PNG,
      ctx,
    ).catch(failure);
    expect(refused).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: {
        firstName: "Enter the therapist's first name.",
        lastName: "Enter the therapist's last name.",
        languages: "Choose at least one language the therapist treats in.",
        visitModes: "Choose visit modes from the list.",
        locationIds: "Choose at least one location the therapist works at.",
        serviceIds: "Choose services from the list.",
        loginEmail: "Enter a valid email address, or leave it empty for no login.",
      },
    });
    expect(await createTherapist(p.admin, form(p, { languages: ["xx" as "en"] }), null, ctx).catch(failure)).toMatchObject({ fields: { languages: "Choose languages from the list." } });
    const closed = await getPrisma().location.create({ data: { slug: uniq("closed"), name: "Closed", addressLine1: "2 Way", city: "T", region: "TX", postalCode: "79912", timeZone: ZONE, active: false } });
    expect(await createTherapist(p.admin, form(p, { locationIds: [closed.id] }), null, ctx).catch(failure)).toMatchObject({
      fields: { locationIds: "A location picked is closed or no longer exists. Choose from the list." },
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses everyone but administrators", async () => {
    const p = await setting();
    const desk = await createStaffMember("FRONT_DESK");
    expect(await createTherapist(desk, form(p), null, ctx).catch(failure)).toMatchObject({ code: "FORBIDDEN" });
  });

  it("makes the therapist's login in the same step; the temporary password signs in as that therapist", async () => {
    const p = await setting();
    const email = `${uniq("ana")}@clinic.test`;
    const created = await createTherapist(p.admin, form(p, { loginEmail: ` ${email.toUpperCase()} ` }), PNG, ctx);
    expect(created.login?.email).toBe(email);
    const account = await getPrisma().staffUser.findUniqueOrThrow({ where: { email } });
    expect(account).toMatchObject({ role: "THERAPIST", therapistId: created.id, name: created.name });
    const session = await signInWithPassword(email, created.login!.temporaryPassword, { now: NOW, ipAddress: uniq("192.0.2"), userAgent: "vitest" });
    expect(session).toMatchObject({ id: account.id, therapistId: created.id });
    expect(await getPrisma().auditLog.count({ where: { entityId: account.id, action: "staff.create" } })).toBe(1);
  });

  it("refuses a login email already in use, and keeps neither the therapist, the photo nor an audit row", async () => {
    const p = await setting();
    const taken = await createStaffMember("FRONT_DESK");
    const before = await counts();
    const lastName = uniq("Clash");
    expect(await createTherapist(p.admin, form(p, { lastName, loginEmail: taken.email.toUpperCase() }), PNG, ctx).catch(failure)).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { loginEmail: "An account with this email already exists." },
    });
    expect(await counts()).toEqual(before);
    expect(await getPrisma().therapist.count({ where: { lastName } })).toBe(0);
  });
});

describe("addTherapistLogin", () => {
  it("gives a therapist without a login one, once", async () => {
    const p = await setting();
    const email = `${uniq("t")}@clinic.test`;
    const login = await addTherapistLogin(p.admin, { therapistId: p.therapist.id, loginEmail: email }, ctx);
    expect((await signInWithPassword(email, login.temporaryPassword, { now: NOW, ipAddress: uniq("192.0.2"), userAgent: "vitest" }))?.therapistId).toBe(p.therapist.id);
    expect(await addTherapistLogin(p.admin, { therapistId: p.therapist.id, loginEmail: `${uniq("t")}@clinic.test` }, ctx).catch(failure)).toMatchObject({
      fields: { loginEmail: "This therapist already has an account." },
    });
  });
});

describe("updateTherapist", () => {
  it("records which fields changed, replaces and removes the photo", async () => {
    const p = await setting();
    const values = await current(p, p.therapist.id);
    expect(await updateTherapist(p.admin, { ...values, bioEn: "New words.", languages: ["en", "vi"] }, PNG, ctx)).toMatchObject({ status: "saved", stranded: [] });
    const logs = () => getPrisma().auditLog.findMany({ where: { entityId: p.therapist.id, action: "settings.therapist.update" }, orderBy: { at: "asc" } });
    expect((await logs())[0]!.detail).toMatchObject({ changed: ["bioEn", "languages", "photo"] });
    expect((await getPrisma().therapist.findUniqueOrThrow({ where: { id: p.therapist.id } })).photoImageId).not.toBeNull();
    await updateTherapist(p.admin, { ...values, bioEn: "New words.", languages: ["en", "vi"], removePhoto: "on" }, null, ctx);
    expect((await logs())[1]!.detail).toMatchObject({ changed: ["photo"] });
    expect((await getPrisma().therapist.findUniqueOrThrow({ where: { id: p.therapist.id } })).photoImageId).toBeNull();
  });

  it("lists every booked future visit before deactivating, saves only when confirmed, and leaves the visits and hours alone", async () => {
    const p = await setting();
    const visit = await book(p, "2026-10-27T10:00:00-05:00");
    const values = await current(p, p.therapist.id);
    const asked = await updateTherapist(p.admin, { ...values, active: false }, null, ctx);
    expect(asked).toMatchObject({ status: "needs-confirmation", stranded: [{ id: visit, reason: "therapist-inactive", startsAt: "2026-10-27T10:00:00-05:00" }] });
    expect((await getPrisma().therapist.findUniqueOrThrow({ where: { id: p.therapist.id } })).active).toBe(true);
    expect(await getPrisma().auditLog.count({ where: { entityId: p.therapist.id, action: "settings.therapist.update" } })).toBe(0);

    const saved = await updateTherapist(p.admin, { ...values, active: false, confirmStranded: [visit] }, null, ctx);
    expect(saved).toMatchObject({ status: "saved", stranded: [{ id: visit }] });
    expect((await getPrisma().therapist.findUniqueOrThrow({ where: { id: p.therapist.id } })).active).toBe(false);
    expect((await getPrisma().appointment.findUniqueOrThrow({ where: { id: visit } })).status).toBe("BOOKED");
    expect(await getPrisma().weeklyHours.count({ where: { therapistId: p.therapist.id } })).toBe(5);
    const log = await getPrisma().auditLog.findFirstOrThrow({ where: { entityId: p.therapist.id, action: "settings.therapist.update" } });
    expect(log.detail).toMatchObject({ changed: ["active"], active: false, strandedAppointmentIds: [visit] });
  });

  it("asks again when a visit was booked between the list and the confirmation", async () => {
    const p = await setting();
    const first = await book(p, "2026-10-27T10:00:00-05:00");
    const values = await current(p, p.therapist.id);
    expect(await updateTherapist(p.admin, { ...values, active: false }, null, ctx)).toMatchObject({ status: "needs-confirmation", stranded: [{ id: first }] });
    const second = await book(p, "2026-10-28T11:00:00-05:00");
    const again = await updateTherapist(p.admin, { ...values, active: false, confirmStranded: [first] }, null, ctx);
    expect(again).toMatchObject({ status: "needs-confirmation", stranded: [{ id: first }, { id: second }] });
    expect((await getPrisma().therapist.findUniqueOrThrow({ where: { id: p.therapist.id } })).active).toBe(true);
  });

  it("lists only the visits that rely on a removed location, visit mode or service", async () => {
    const p = await setting();
    const other = await getPrisma().location.create({ data: { slug: uniq("loc"), name: uniq("Annex"), addressLine1: "3 Way", city: "T", region: "TX", postalCode: "79912", timeZone: ZONE } });
    const otherService = await getPrisma().service.create({ data: { slug: uniq("svc"), nameEn: "Other", nameEs: "Otro", durationMinutes: 30, visitModes: ["CLINIC"] } });
    await getPrisma().therapistLocation.create({ data: { therapistId: p.therapist.id, locationId: other.id } });
    await getPrisma().therapistService.create({ data: { therapistId: p.therapist.id, serviceId: otherService.id } });
    const clinic = await book(p, "2026-10-27T10:00:00-05:00");
    const home = await book(p, "2026-10-28T10:00:00-05:00", "HOME");
    const values = await current(p, p.therapist.id);

    expect(await updateTherapist(p.admin, { ...values, locationIds: [other.id] }, null, ctx)).toMatchObject({
      status: "needs-confirmation",
      stranded: [{ id: clinic, reason: "location-removed" }, { id: home, reason: "location-removed" }],
    });
    expect(await updateTherapist(p.admin, { ...values, visitModes: ["CLINIC", "VIDEO"] }, null, ctx)).toMatchObject({
      status: "needs-confirmation",
      stranded: [{ id: home, reason: "mode-removed" }],
    });
    expect(await updateTherapist(p.admin, { ...values, serviceIds: [otherService.id] }, null, ctx)).toMatchObject({
      status: "needs-confirmation",
      stranded: [{ id: clinic, reason: "service-removed" }, { id: home, reason: "service-removed" }],
    });
    // Taking away what no booked visit uses saves at once.
    expect(await updateTherapist(p.admin, { ...values, locationIds: [p.location.id], serviceIds: [p.service.id], visitModes: ["CLINIC", "HOME"] }, null, ctx)).toMatchObject({
      status: "saved",
      stranded: [],
    });
    const links = await getPrisma().therapistLocation.findMany({ where: { therapistId: p.therapist.id } });
    expect(links.map((l) => l.locationId)).toEqual([p.location.id]);
  });

  it("refuses bad fields and an unknown therapist without writing", async () => {
    const p = await setting();
    const values = await current(p, p.therapist.id);
    expect(await updateTherapist(p.admin, { ...values, visitModes: [], languages: [] }, null, ctx).catch(failure)).toMatchObject({
      fields: { visitModes: "Choose at least one kind of visit the therapist offers.", languages: "Choose at least one language the therapist treats in." },
    });
    expect(await updateTherapist(p.admin, { ...values, id: "00000000-0000-4000-8000-000000000001" }, null, ctx).catch(failure)).toMatchObject({ code: "NOT_FOUND" });
    expect(await getPrisma().auditLog.count({ where: { entityId: p.therapist.id } })).toBe(0);
  });
});

describe("a deactivated therapist", () => {
  it("is gone from online availability and the therapist list at once, and a booking already past the search is refused", async () => {
    const p = await setting();
    const location = await getPrisma().location.findUniqueOrThrow({ where: { id: p.location.id } });
    const service = await getPrisma().service.findUniqueOrThrow({ where: { id: p.service.id } });
    const search = () => searchSlots({ service, mode: "CLINIC", locations: [location], from: "2026-10-27", to: "2026-10-27", now: NOW });
    const offered = (await search()).slots;
    expect(offered.length).toBeGreaterThan(0);
    expect((await listTherapists({ locationId: p.location.id })).map((t) => t.id)).toContain(p.therapist.id);

    const values = await current(p, p.therapist.id);
    expect(await updateTherapist(p.admin, { ...values, active: false }, null, ctx)).toMatchObject({ status: "saved" });
    expect((await search()).slots).toEqual([]);
    expect((await listTherapists({ locationId: p.location.id })).map((t) => t.id)).not.toContain(p.therapist.id);
    // A booking whose search ran before the change reaches the lock after it.
    const late = getPrisma().$transaction((tx) =>
      confirmSlotUnderLock(tx, { therapistId: p.therapist.id, location, service, mode: "CLINIC", start: offered[0]!.start, now: NOW }),
    );
    expect(await late.catch(failure)).toMatchObject({ code: "SLOT_UNAVAILABLE" });
    expect(await getPrisma().weeklyHours.count({ where: { therapistId: p.therapist.id } })).toBe(5);
  });
});
