import { describe, expect, it } from "vitest";
import { GET as getAvailability } from "@/app/api/availability/route";
import { GET as getServices } from "@/app/api/services/route";
import { createPractice, createStaffMember, patientInput, uniq } from "../../test/fixtures";
import type { AvailabilityDto, ServiceDto, SlotDto } from "../booking/api-types";
import { createBooking } from "../booking/mutations";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { listServiceSettings } from "./data";
import { createService, moveService, updateService } from "./mutations";
import type { ServiceCreateInput, ServiceUpdateInput } from "./schema";

const codeOf = (e: unknown) => (e instanceof AppError ? e.code : String(e));
const fieldsOf = (e: unknown) => (e instanceof AppError ? e.fields : undefined);
const ctx = () => ({ now: new Date(), ipAddress: "127.0.0.1" });

function localDate(daysFromNow: number): string {
  return new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);
}

function form(overrides: Partial<ServiceCreateInput> = {}): ServiceCreateInput {
  return {
    nameEn: "Dry needling",
    nameEs: "Punción seca",
    descriptionEn: "Needles for tight muscles.",
    descriptionEs: "Agujas para músculos tensos.",
    durationMinutes: "30",
    price: "85.50",
    visitModes: ["CLINIC", "HOME"],
    bufferBeforeMinutes: "0",
    bufferAfterMinutes: "10",
    minNoticeMinutes: "60",
    horizonDays: "30",
    cancelCutoff: "2",
    cancelCutoffUnit: "hours",
    newPatientsOnly: false,
    therapistIds: [],
    ...overrides,
  };
}

/** A clinic whose one therapist works every day 08:00–18:00 and offers a service the admin then edits. */
async function practice(therapists = 1) {
  const p = await createPractice({ therapists });
  const admin = await createStaffMember("ADMIN");
  return { ...p, admin, therapist: p.therapists[0]! };
}

/** The form as the edit page fills it for a stored service. */
async function editForm(serviceId: string, overrides: Partial<ServiceUpdateInput> = {}): Promise<ServiceUpdateInput> {
  const s = await getPrisma().service.findUniqueOrThrow({ where: { id: serviceId }, include: { therapists: true } });
  return {
    id: s.id,
    active: s.active,
    nameEn: s.nameEn,
    nameEs: s.nameEs,
    descriptionEn: s.descriptionEn,
    descriptionEs: s.descriptionEs,
    durationMinutes: String(s.durationMinutes),
    price: (s.priceCents / 100).toFixed(2),
    visitModes: s.visitModes,
    bufferBeforeMinutes: String(s.bufferBeforeMinutes),
    bufferAfterMinutes: String(s.bufferAfterMinutes),
    minNoticeMinutes: String(s.minNoticeMinutes),
    horizonDays: String(s.horizonDays),
    cancelCutoff: String(s.cancelCutoffMinutes),
    cancelCutoffUnit: "minutes",
    newPatientsOnly: s.newPatientsOnly,
    therapistIds: s.therapists.map((t) => t.therapistId),
    paymentRule: s.paymentRule,
    depositKind: s.depositPercent === null ? "amount" : "percent",
    deposit: s.depositPercent !== null ? String(s.depositPercent) : s.depositCents !== null ? (s.depositCents / 100).toFixed(2) : "",
    ...overrides,
  };
}

async function availability(service: string, locationId: string, mode = "CLINIC", therapistId?: string) {
  const query = new URLSearchParams({ service, location: locationId, mode, from: localDate(2), to: localDate(4), ...(therapistId ? { therapist: therapistId } : {}), ...(mode === "HOME" ? { postalCode: "79912" } : {}) });
  const response = await getAvailability(new Request(`http://localhost:3000/api/availability?${query}`), { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as AvailabilityDto };
}

async function publicServices(): Promise<ServiceDto[]> {
  const response = await getServices(new Request("http://localhost:3000/api/services"), { params: Promise.resolve({}) });
  return ((await response.json()) as { services: ServiceDto[] }).services;
}

/** Books the first free time two days or more ahead, as a patient would online. */
async function book(p: Awaited<ReturnType<typeof practice>>, options: { mode?: "CLINIC" | "HOME"; therapistId?: string; skip?: number } = {}) {
  const mode = options.mode ?? "CLINIC";
  const { body } = await availability(p.service.id, p.location.id, mode, options.therapistId);
  const slot: SlotDto = body.slots[options.skip ?? 0]!;
  return createBooking(
    {
      service: p.service.id,
      start: slot.start,
      mode,
      locationId: p.location.id,
      therapistId: slot.therapistId,
      patient: patientInput({ ...(mode === "HOME" ? { address: { line1: "5 Home St", city: "Testville", postalCode: "79912" } } : {}) }),
    },
    ctx(),
  );
}

async function writes() {
  const prisma = getPrisma();
  return {
    services: await prisma.service.count(),
    links: await prisma.therapistService.count(),
    audit: await prisma.auditLog.count({ where: { action: { startsWith: "settings.service." } } }),
  };
}

describe("createService", () => {
  it("refuses bad fields with a message for each, and writes nothing", async () => {
    const p = await practice();
    const before = await writes();
    const attempts: [Partial<ServiceCreateInput>, Record<string, string>][] = [
      [{ durationMinutes: "0" }, { durationMinutes: "The duration must be between 5 and 480 minutes." }],
      [{ durationMinutes: "47" }, { durationMinutes: "Use a multiple of 5 minutes for the duration, e.g. 45." }],
      [{ price: "-5" }, { price: "Enter the price in dollars and cents, e.g. 85.00 (0 for free)." }],
      [{ price: "12.345" }, { price: "Enter the price in dollars and cents, e.g. 85.00 (0 for free)." }],
      [{ visitModes: [] }, { visitModes: "Choose at least one kind of visit." }],
      [{ nameEn: " \u200b " }, { nameEn: "Enter the name in English." }],
      [{ horizonDays: "0", bufferAfterMinutes: "ten" }, { horizonDays: "The booking horizon must be between 1 and 365 days.", bufferAfterMinutes: "Enter the buffer after as a whole number of minutes." }],
      [{ cancelCutoff: "400", cancelCutoffUnit: "hours" }, { cancelCutoff: "The cancellation cut-off must be at most 336 hours (14 days)." }],
      [{ therapistIds: ["not-a-therapist"] }, { therapistIds: "Choose therapists from the list." }],
      [{ paymentRule: "DEPOSIT" }, { deposit: "Enter the deposit in dollars and cents, e.g. 27.50." }],
      [{ paymentRule: "DEPOSIT", deposit: "100" }, { deposit: "Enter a deposit above 0 and at most the price, 85.50." }],
      [{ paymentRule: "DEPOSIT", deposit: "0" }, { deposit: "Enter a deposit above 0 and at most the price, 85.50." }],
      [{ paymentRule: "DEPOSIT", depositKind: "percent", deposit: "0" }, { deposit: "Enter the deposit as a whole percent of the price from 1 to 100, e.g. 25." }],
      [{ paymentRule: "DEPOSIT", depositKind: "percent", deposit: "12.5" }, { deposit: "Enter the deposit as a whole percent of the price from 1 to 100, e.g. 25." }],
      [{ paymentRule: "FULL", price: "0" }, { paymentRule: "A free service has nothing to pay online: choose no online payment or a card on file for fees." }],
      [{ paymentRule: "DEPOSIT", price: "0", deposit: "5" }, { paymentRule: "A free service has nothing to pay online: choose no online payment or a card on file for fees." }],
      [{ paymentRule: "LATER" as "FULL" }, { paymentRule: "Choose how patients pay online." }],
    ];
    for (const [overrides, fields] of attempts) {
      const error = await createService(p.admin, form(overrides), ctx()).catch((e: unknown) => e);
      expect(codeOf(error), JSON.stringify(overrides)).toBe("VALIDATION_FAILED");
      expect(fieldsOf(error)).toEqual(fields);
    }
    // A therapist who no longer works here cannot be given the service.
    await getPrisma().therapist.update({ where: { id: p.therapist.id }, data: { active: false } });
    const inactive = await createService(p.admin, form({ therapistIds: [p.therapist.id] }), ctx()).catch((e: unknown) => e);
    expect(fieldsOf(inactive)).toEqual({ therapistIds: "Choose therapists from the list: one of those chosen is no longer active." });
    expect(await writes()).toEqual(before);
  });

  it("is for administrators only", async () => {
    const p = await practice();
    const before = await writes();
    for (const staff of [await createStaffMember("FRONT_DESK"), await createStaffMember("THERAPIST", p.therapist.id)]) {
      expect(codeOf(await createService(staff, form(), ctx()).catch((e: unknown) => e))).toBe("FORBIDDEN");
      expect(codeOf(await updateService(staff, await editForm(p.service.id, { price: "1" }), ctx()).catch((e: unknown) => e))).toBe("FORBIDDEN");
      expect(codeOf(await moveService(staff, { id: p.service.id, direction: "up" }, ctx()).catch((e: unknown) => e))).toBe("FORBIDDEN");
      expect(codeOf(await listServiceSettings(staff).catch((e: unknown) => e))).toBe("FORBIDDEN");
    }
    expect(await writes()).toEqual(before);
  });

  it("stores dollars as cents and hours as minutes, audits it, and makes it bookable at once", async () => {
    const p = await practice();
    const name = uniq("Dry needling");
    const created = await createService(p.admin, form({ nameEn: name, therapistIds: [p.therapist.id] }), ctx());
    const row = await getPrisma().service.findUniqueOrThrow({ where: { id: created.id }, include: { therapists: true } });
    expect(row).toMatchObject({ slug: created.slug, nameEn: name, priceCents: 8550, currency: "USD", durationMinutes: 30, cancelCutoffMinutes: 120, visitModes: ["CLINIC", "HOME"], active: true });
    expect(row.therapists.map((t) => t.therapistId)).toEqual([p.therapist.id]);
    const log = await getPrisma().auditLog.findFirstOrThrow({ where: { entityId: created.id, action: "settings.service.create" } });
    expect(log.staffUserId).toBe(p.admin.id);
    expect(log.detail).toMatchObject({ slug: created.slug, priceCents: 8550, therapistIds: [p.therapist.id] });

    // The same name again gets the next free slug.
    const again = await createService(p.admin, form({ nameEn: name }), ctx());
    expect(again.slug).toBe(`${created.slug}-2`);

    expect((await publicServices()).find((s) => s.id === created.id)).toMatchObject({ priceCents: 8550, cancelCutoffMinutes: 120 });
    const { status, body } = await availability(created.slug, p.location.id);
    expect(status).toBe(200);
    expect(body.slots.length).toBeGreaterThan(0);
    expect(body.slots.every((s) => Date.parse(s.end) - Date.parse(s.start) === 30 * 60_000)).toBe(true);
  });
});

describe("payment rules", () => {
  it("stores a deposit as an amount or a percent, drops a deposit typed for another rule, and audits the change", async () => {
    const p = await practice();
    const amount = await createService(p.admin, form({ nameEn: uniq("Deposit"), paymentRule: "DEPOSIT", deposit: "$27.50" }), ctx());
    expect(await getPrisma().service.findUniqueOrThrow({ where: { id: amount.id } })).toMatchObject({ paymentRule: "DEPOSIT", depositCents: 2750, depositPercent: null });
    const log = await getPrisma().auditLog.findFirstOrThrow({ where: { entityId: amount.id, action: "settings.service.create" } });
    expect(log.detail).toMatchObject({ paymentRule: "DEPOSIT", depositCents: 2750, depositPercent: null });

    await updateService(p.admin, await editForm(amount.id, { depositKind: "percent", deposit: "25%" }), ctx());
    expect(await getPrisma().service.findUniqueOrThrow({ where: { id: amount.id } })).toMatchObject({ depositCents: null, depositPercent: 25 });
    await updateService(p.admin, await editForm(amount.id, { paymentRule: "CARD_ON_FILE" }), ctx());
    expect(await getPrisma().service.findUniqueOrThrow({ where: { id: amount.id } })).toMatchObject({ paymentRule: "CARD_ON_FILE", depositCents: null, depositPercent: null });
    const update = await getPrisma().auditLog.findFirstOrThrow({ where: { entityId: amount.id, action: "settings.service.update" }, orderBy: { at: "desc" } });
    expect(update.detail).toMatchObject({ changed: { paymentRule: { from: "DEPOSIT", to: "CARD_ON_FILE" }, depositPercent: { from: 25, to: null } } });

    const free = await createService(p.admin, form({ nameEn: uniq("Screening"), price: "0", paymentRule: "CARD_ON_FILE" }), ctx());
    expect(await getPrisma().service.findUniqueOrThrow({ where: { id: free.id } })).toMatchObject({ priceCents: 0, paymentRule: "CARD_ON_FILE" });
  });

  it("refuses a price lowered below the deposit with the deposit's message, and writes nothing", async () => {
    const p = await practice();
    const created = await createService(p.admin, form({ nameEn: uniq("Deposit"), paymentRule: "DEPOSIT", deposit: "50" }), ctx());
    const before = await writes();
    const error = await updateService(p.admin, await editForm(created.id, { price: "40" }), ctx()).catch((e: unknown) => e);
    expect(codeOf(error)).toBe("VALIDATION_FAILED");
    expect(fieldsOf(error)).toEqual({ deposit: "Enter a deposit above 0 and at most the price, 40.00." });
    expect(await writes()).toEqual(before);
    expect(await getPrisma().service.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ priceCents: 8550, depositCents: 5000 });
  });
});

describe("updateService", () => {
  it("records only the fields that changed, and the public catalogue shows the new price at once", async () => {
    const p = await practice();
    await updateService(p.admin, await editForm(p.service.id, { price: "95", descriptionEs: "Nueva descripción." }), ctx());
    const log = await getPrisma().auditLog.findFirstOrThrow({ where: { entityId: p.service.id, action: "settings.service.update" } });
    expect(log.detail).toEqual({
      changed: { priceCents: { from: 0, to: 9500 }, descriptionEs: { from: "", to: "Nueva descripción." } },
      strandedAppointmentIds: [],
    });
    expect((await publicServices()).find((s) => s.id === p.service.id)?.priceCents).toBe(9500);

    // Saving the form unchanged writes nothing.
    const before = await writes();
    expect(await updateService(p.admin, await editForm(p.service.id), ctx())).toEqual({ status: "saved", id: p.service.id, stranded: [] });
    expect(await writes()).toEqual(before);
  });

  it("refuses bad fields and writes nothing", async () => {
    const p = await practice();
    const before = await writes();
    const stored = await getPrisma().service.findUniqueOrThrow({ where: { id: p.service.id } });
    const error = await updateService(p.admin, await editForm(p.service.id, { durationMinutes: "0", price: "-5", visitModes: [] }), ctx()).catch((e: unknown) => e);
    expect(fieldsOf(error)).toEqual({
      durationMinutes: "The duration must be between 5 and 480 minutes.",
      price: "Enter the price in dollars and cents, e.g. 85.00 (0 for free).",
      visitModes: "Choose at least one kind of visit.",
    });
    expect(await writes()).toEqual(before);
    expect(await getPrisma().service.findUniqueOrThrow({ where: { id: p.service.id } })).toEqual(stored);
  });

  it("lists the visits of a therapist who stops offering it, and saves only once that list is confirmed", async () => {
    const p = await practice(2);
    const [dana, omar] = p.therapists;
    const danaVisit = await book(p, { therapistId: dana!.id });
    await book(p, { therapistId: omar!.id });
    const before = await writes();

    const change = await editForm(p.service.id, { therapistIds: [omar!.id] });
    const asked = await updateService(p.admin, change, ctx());
    expect(asked.status).toBe("needs-confirmation");
    expect(asked.stranded).toEqual([expect.objectContaining({ id: danaVisit.id, reason: "therapist-removed", therapistName: `${dana!.firstName} ${dana!.lastName}` })]);
    expect(await writes()).toEqual(before);

    const visit = await getPrisma().appointment.findUniqueOrThrow({ where: { id: danaVisit.id } });
    const saved = await updateService(p.admin, { ...change, confirmStranded: [danaVisit.id] }, ctx());
    expect(saved.status).toBe("saved");
    expect(await getPrisma().therapistService.findMany({ where: { serviceId: p.service.id }, select: { therapistId: true } })).toEqual([{ therapistId: omar!.id }]);
    // Confirming never alters the visit.
    expect(await getPrisma().appointment.findUniqueOrThrow({ where: { id: danaVisit.id } })).toEqual(visit);
    const log = await getPrisma().auditLog.findFirstOrThrow({ where: { entityId: p.service.id, action: "settings.service.update" } });
    expect(log.detail).toMatchObject({ changed: { therapistIds: { from: expect.arrayContaining([dana!.id, omar!.id]), to: [omar!.id] } }, strandedAppointmentIds: [danaVisit.id] });
    // Dana's times are no longer offered for this service.
    const { body } = await availability(p.service.id, p.location.id);
    expect(body.slots.length).toBeGreaterThan(0);
    expect(body.slots.every((s) => s.therapistId === omar!.id)).toBe(true);
  });

  it("asks again when a visit was booked between the list and the confirmation", async () => {
    const p = await practice();
    const first = await book(p);
    const change = await editForm(p.service.id, { therapistIds: [] });
    const asked = await updateService(p.admin, change, ctx());
    expect(asked.stranded.map((s) => s.id)).toEqual([first.id]);

    const second = await book(p, { skip: 3 });
    const before = await writes();
    const again = await updateService(p.admin, { ...change, confirmStranded: [first.id] }, ctx());
    expect(again.status).toBe("needs-confirmation");
    expect(again.stranded.map((s) => s.id).sort()).toEqual([first.id, second.id].sort());
    expect(await writes()).toEqual(before);

    expect((await updateService(p.admin, { ...change, confirmStranded: [first.id, second.id] }, ctx())).status).toBe("saved");
  });

  it("lists every booked visit when the duration changes; they keep their length and new times take the new one", async () => {
    const p = await practice();
    const booked = await book(p);
    const visitBefore = await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } });
    // A visit already cancelled is not listed.
    const cancelled = await book(p, { skip: 4 });
    await getPrisma().appointment.update({ where: { id: cancelled.id }, data: { status: "CANCELLED", cancelledAt: new Date() } });

    const change = await editForm(p.service.id, { durationMinutes: "60" });
    const asked = await updateService(p.admin, change, ctx());
    expect(asked).toMatchObject({ status: "needs-confirmation", stranded: [{ id: booked.id, reason: "duration-changed" }] });

    expect((await updateService(p.admin, { ...change, confirmStranded: [booked.id] }, ctx())).status).toBe("saved");
    const visitAfter = await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } });
    expect(visitAfter).toEqual(visitBefore);
    const { body } = await availability(p.service.id, p.location.id);
    expect(body.slots.length).toBeGreaterThan(0);
    expect(body.slots.every((s) => Date.parse(s.end) - Date.parse(s.start) === 60 * 60_000)).toBe(true);
  });

  it("lists only the visits in a mode that is no longer offered", async () => {
    const p = await practice();
    const home = await book(p, { mode: "HOME" });
    await book(p, { mode: "CLINIC", skip: 5 });
    const asked = await updateService(p.admin, await editForm(p.service.id, { visitModes: ["CLINIC"] }), ctx());
    expect(asked.stranded).toEqual([expect.objectContaining({ id: home.id, reason: "mode-removed", mode: "HOME" })]);
  });

  it("lists the visits when the service is withdrawn; once confirmed it leaves the catalogue and availability, and can come back", async () => {
    const p = await practice();
    const booked = await book(p);
    const change = await editForm(p.service.id, { active: false });
    const asked = await updateService(p.admin, change, ctx());
    expect(asked).toMatchObject({ status: "needs-confirmation", stranded: [{ id: booked.id, reason: "service-inactive" }] });
    expect((await publicServices()).some((s) => s.id === p.service.id)).toBe(true);

    expect((await updateService(p.admin, { ...change, confirmStranded: [booked.id] }, ctx())).status).toBe("saved");
    expect((await publicServices()).some((s) => s.id === p.service.id)).toBe(false);
    expect((await availability(p.service.id, p.location.id)).status).toBe(404);
    expect((await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } })).status).toBe("BOOKED");
    // The settings list still shows it, marked inactive.
    expect((await listServiceSettings(p.admin)).find((s) => s.id === p.service.id)?.active).toBe(false);

    expect(await updateService(p.admin, await editForm(p.service.id, { active: true }), ctx())).toMatchObject({ status: "saved", stranded: [] });
    expect((await availability(p.service.id, p.location.id)).body.slots.length).toBeGreaterThan(0);
  });
});

describe("moveService", () => {
  it("swaps a service with its neighbour in the order patients see, and audits the move", async () => {
    const p = await practice();
    const a = await createService(p.admin, form({ nameEn: uniq("Alpha") }), ctx());
    const b = await createService(p.admin, form({ nameEn: uniq("Beta") }), ctx());
    const order = async () => (await listServiceSettings(p.admin)).map((s) => s.id).filter((id) => id === a.id || id === b.id);
    expect(await order()).toEqual([a.id, b.id]);
    expect(await moveService(p.admin, { id: b.id, direction: "up" }, ctx())).toMatchObject({ id: b.id });
    expect(await order()).toEqual([b.id, a.id]);
    const publicOrder = (await publicServices()).map((s) => s.id).filter((id) => id === a.id || id === b.id);
    expect(publicOrder).toEqual([b.id, a.id]);
    const log = await getPrisma().auditLog.findFirstOrThrow({ where: { entityId: b.id, action: "settings.service.update" } });
    expect(log.detail).toMatchObject({ changed: { position: { from: expect.any(Number), to: expect.any(Number) } } });
    expect(codeOf(await moveService(p.admin, { id: b.id, direction: "sideways" as "up" }, ctx()).catch((e: unknown) => e))).toBe("VALIDATION_FAILED");
  });
});

describe("the database", () => {
  it("refuses a service with a negative price or no kind of visit, whoever writes it", async () => {
    const p = await practice();
    const prisma = getPrisma();
    for (const data of [{ priceCents: -500 }, { visitModes: [] }, { horizonDays: 0 }, { cancelCutoffMinutes: -1 }]) {
      await expect(prisma.service.update({ where: { id: p.service.id }, data }), JSON.stringify(data)).rejects.toThrow(/Service_terms_check/);
    }
  });
});
