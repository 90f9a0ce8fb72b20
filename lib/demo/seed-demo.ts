import "server-only";
import { DateTime } from "luxon";
import { bookForCallerSchema } from "../appointments/schema";
import { bookForCaller, changeAppointmentStatus } from "../appointments/mutations";
import type { StaffMember } from "../auth/mutations";
import { hashPassword } from "../auth/password";
import { createManageToken, hashManageToken } from "../booking/manage-token";
import { getPrisma } from "../db/client";
import type { VisitMode } from "../db/generated/enums";
import type { RequestContext } from "../http/request-context";
import { createExercise } from "../exercises/mutations";
import { createLocation, createRoom } from "../locations/mutations";
import { updatePracticeSettings } from "../practice/mutations";
import { createReason } from "../reasons/mutations";
import { createWeeklyHours, updateHomeArea } from "../schedules/mutations";
import { blockedRangeFor } from "../scheduling/blocked-range";
import { createPackageOffer } from "../packages/mutations";
import { createService } from "../services/mutations";
import { cutoffFormValue, depositFormValue, priceFormValue } from "../services/schema";
import { completeSetup } from "../setup/mutations";
import { issueSetupToken } from "../setup/token";
import { createStaffAccount } from "../staff-accounts/mutations";
import { createTherapist } from "../therapists/mutations";
import { videoJoinTokenFor, videoJoinTokenHashFor } from "../video/join-token";
import { DEMO_EXERCISES } from "./demo-exercises";
import { DEMO_PACKAGE_OFFERS, DEMO_PRACTICE, DEMO_SERVICES, DEMO_STAFF, DEMO_STAFF_PASSWORD, LOCATIONS, PATIENTS, REASONS, THERAPISTS, ZONE } from "./demo-practice";

// The demo practice is written the way an owner would set it up: the first-run
// setup, then the settings, schedules and staff pages' own write functions,
// then the front desk's booking. Every write rule (validation, audit, the
// booking engine and its constraints) applies to the demo as to a practice.

const [WESTSIDE, LAS_CRUCES] = LOCATIONS;
const [ADMIN, FRONT_DESK] = DEMO_STAFF;

/**
 * Writes the demo practice into a database without an administrator.
 * Visits are placed relative to `now` so the calendar always has something
 * on it, at hours every therapist works.
 */
export async function seedDemoPractice(now: Date = new Date()): Promise<{ videoJoinToken: string }> {
  const ctx: RequestContext = { now, ipAddress: null };
  const admin = await setUpPractice(ctx);
  const locationIds = await addLocations(admin, ctx);
  const serviceIds = new Map<string, string>();
  for (const s of DEMO_SERVICES) {
    const created = await createService(
      admin,
      {
        slug: s.slug,
        nameEn: s.nameEn,
        nameEs: s.nameEs,
        descriptionEn: s.descriptionEn,
        descriptionEs: s.descriptionEs,
        durationMinutes: String(s.durationMinutes),
        price: priceFormValue(s.priceCents),
        visitModes: s.visitModes,
        bufferBeforeMinutes: String(s.bufferBeforeMinutes ?? 0),
        bufferAfterMinutes: String(s.bufferAfterMinutes),
        minNoticeMinutes: String(s.minNoticeMinutes),
        horizonDays: String(s.horizonDays),
        ...cutoffFormValue(s.cancelCutoffMinutes),
        newPatientsOnly: s.newPatientsOnly,
        therapistIds: [],
        paymentRule: s.paymentRule,
        ...depositFormValue({ depositCents: null, depositPercent: s.depositPercent }),
      },
      ctx,
    );
    serviceIds.set(s.slug, created.id);
  }
  for (const [slug, labelEn, labelEs] of REASONS) await createReason(admin, { slug, labelEn, labelEs }, ctx);
  for (const { slug, ...exercise } of DEMO_EXERCISES) await createExercise(admin, exercise, ctx, { slug });
  for (const offer of DEMO_PACKAGE_OFFERS) await createPackageOffer(admin, { ...offer, serviceId: serviceIds.get(offer.service)! }, ctx);
  const therapistIds = await addTherapists(admin, ctx, locationIds, serviceIds);
  await createStaffAccount(admin, { email: FRONT_DESK.email, name: FRONT_DESK.name, role: FRONT_DESK.role }, ctx);
  await giveDemoPassword(DEMO_STAFF.filter((member) => member !== ADMIN).map((member) => member.email));

  const patientIds = await bookTheComingDays(admin, ctx, { locationIds, serviceIds, therapistIds });
  return seedDanasTwoDays(admin, ctx, {
    therapistId: therapistIds.get("dana-whitfield")!,
    locationId: locationIds.get(WESTSIDE.slug)!,
    serviceIds,
    patientIds,
  });
}

/** The owner's first-run setup (administrator, practice, first location), then the practice's texts. */
async function setUpPractice(ctx: RequestContext): Promise<StaffMember> {
  const token = await issueSetupToken(getPrisma(), ctx.now);
  if (!token) throw new Error("This database has an administrator already: the demo practice is only written into a new database. Start with STRIDE_SEED=none to keep it.");
  const { adminId } = await completeSetup(
    token,
    {
      adminName: ADMIN.name,
      adminEmail: ADMIN.email,
      password: DEMO_STAFF_PASSWORD,
      practiceName: DEMO_PRACTICE.name,
      locationName: WESTSIDE.name,
      locationSlug: WESTSIDE.slug,
      addressLine1: WESTSIDE.addressLine1,
      city: WESTSIDE.city,
      region: WESTSIDE.region,
      postalCode: WESTSIDE.postalCode,
      timeZone: WESTSIDE.timeZone,
      locationPhone: WESTSIDE.phone,
    },
    ctx,
  );
  // The seed acts as this administrator; no session is opened for it.
  const admin: StaffMember = { id: adminId, name: ADMIN.name, email: ADMIN.email, role: "ADMIN", therapistId: null, sessionId: "demo-seed" };
  await updatePracticeSettings(admin, DEMO_PRACTICE, null, ctx);
  // Marks the footer and home page as a demonstration; no settings page offers it.
  await getPrisma().practice.update({ where: { id: 1 }, data: { isDemo: true } });
  return admin;
}

/** The second location, both locations' home-visit areas and their rooms; ids by slug. */
async function addLocations(admin: StaffMember, ctx: RequestContext): Promise<Map<string, string>> {
  const westside = await getPrisma().location.findUniqueOrThrow({ where: { slug: WESTSIDE.slug }, select: { id: true, homeTravelMinutes: true } });
  await updateHomeArea(admin, { locationId: westside.id, postalCodes: WESTSIDE.homePostalCodes.join(", "), travelMinutes: westside.homeTravelMinutes }, ctx);
  const lasCruces = await createLocation(
    admin,
    {
      slug: LAS_CRUCES.slug,
      name: LAS_CRUCES.name,
      addressLine1: LAS_CRUCES.addressLine1,
      city: LAS_CRUCES.city,
      region: LAS_CRUCES.region,
      postalCode: LAS_CRUCES.postalCode,
      country: "US",
      timeZone: LAS_CRUCES.timeZone,
      phone: LAS_CRUCES.phone,
      active: true,
      homePostalCodes: LAS_CRUCES.homePostalCodes.join(", "),
      homeTravelMinutes: westside.homeTravelMinutes,
    },
    ctx,
  );
  const ids = new Map([
    [WESTSIDE.slug, westside.id],
    [LAS_CRUCES.slug, lasCruces.id],
  ]);
  for (const location of LOCATIONS) {
    for (const room of location.rooms) await createRoom(admin, { locationId: ids.get(location.slug)!, name: room.name, capacity: room.capacity }, ctx);
  }
  return ids;
}

/** Each therapist with their services and locations (and login, for the demo's two), then their weekly hours; ids by slug. */
async function addTherapists(admin: StaffMember, ctx: RequestContext, locationIds: Map<string, string>, serviceIds: Map<string, string>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const t of THERAPISTS) {
    const login = DEMO_STAFF.find((member) => member.therapistSlug === t.slug);
    const created = await createTherapist(
      admin,
      {
        slug: t.slug,
        firstName: t.firstName,
        lastName: t.lastName,
        credentials: t.credentials,
        bioEn: t.bioEn,
        bioEs: t.bioEs,
        languages: t.languages,
        visitModes: t.visitModes,
        locationIds: [...new Set(t.hours.map(([location]) => locationIds.get(location)!))],
        serviceIds: t.services.map((slug) => serviceIds.get(slug)!),
        loginEmail: login?.email,
      },
      null,
      ctx,
    );
    ids.set(t.slug, created.id);
  }
  // One therapist's blocks are saved in turn (each is checked against the
  // others, under a lock on the therapist); different therapists' side by side.
  await Promise.all(
    THERAPISTS.map(async (t) => {
      for (const [location, weekdays, from, to, visitModes] of t.hours) {
        for (const weekday of weekdays) {
          const saved = await createWeeklyHours(
            admin,
            { therapistId: ids.get(t.slug)!, locationId: locationIds.get(location)!, weekday, start: clock(from), end: clock(to), visitModes },
            ctx,
          );
          if (saved.status !== "saved") throw new Error(`The demo hours of ${t.firstName} ${t.lastName} did not save.`);
        }
      }
    }),
  );
  return ids;
}

/**
 * The accounts made above got temporary passwords, as the app gives anyone
 * an administrator adds; the demo publishes one password for all of them.
 */
async function giveDemoPassword(emails: string[]): Promise<void> {
  const passwordHash = await hashPassword(DEMO_STAFF_PASSWORD);
  await getPrisma().staffUser.updateMany({ where: { email: { in: emails } }, data: { passwordHash } });
}

function clock(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}

function isoAt(time: DateTime): string {
  return time.toISO({ suppressMilliseconds: true })!;
}

/**
 * A visit for each demo patient in the coming days, booked by the front desk
 * (each patient registered with their first visit), all at 10:00 local on
 * days the chosen therapist works at that hour, so none of them collide.
 * Returns the patients' ids, in the order of PATIENTS.
 */
async function bookTheComingDays(
  admin: StaffMember,
  ctx: RequestContext,
  ids: { locationIds: Map<string, string>; serviceIds: Map<string, string>; therapistIds: Map<string, string> },
): Promise<string[]> {
  const today = DateTime.fromJSDate(ctx.now, { zone: ZONE }).startOf("day");
  const plan: [string, string, number][] = [
    ["dana-whitfield", WESTSIDE.slug, 1],
    ["luis-carrillo", WESTSIDE.slug, 2],
    ["kevin-osei", LAS_CRUCES.slug, 3],
    ["ana-ruiz", LAS_CRUCES.slug, 4],
    ["dana-whitfield", WESTSIDE.slug, 5],
    ["luis-carrillo", WESTSIDE.slug, 6],
  ];
  const patientIds: string[] = [];
  for (const [index, [therapistSlug, locationSlug, offset]] of plan.entries()) {
    const t = THERAPISTS.find((x) => x.slug === therapistSlug)!;
    let day = today.plus({ days: offset });
    const worksAtTen = (d: DateTime) =>
      t.hours.some(([l, days, from, to, modes]) => l === locationSlug && days.includes(d.weekday) && from <= 10 && to >= 11 && modes.includes("CLINIC"));
    while (!worksAtTen(day)) day = day.plus({ days: 1 });
    const [firstName, lastName, email, phone, dateOfBirth, language] = PATIENTS[index % PATIENTS.length]!;
    const { appointment } = await bookForCaller(
      admin,
      bookForCallerSchema.parse({
        serviceId: ids.serviceIds.get("therapy-session"),
        locationId: ids.locationIds.get(locationSlug),
        therapistId: ids.therapistIds.get(therapistSlug),
        mode: "CLINIC",
        start: isoAt(day.set({ hour: 10 })),
        newPatient: { firstName, lastName, email, phone, dateOfBirth },
        reasonSlug: REASONS[(index + 1) % REASONS.length]![0],
        language,
      }),
      ctx,
    );
    patientIds.push(appointment.patientId);
  }
  return patientIds;
}

interface DayVisitSeed {
  /** 0 = today, 1 = tomorrow, in the demo zone. */
  day: 0 | 1;
  hour: number;
  minute: number;
  service: string;
  mode: VisitMode;
  patient: number;
  reasonSlug: string;
  reasonText: string;
  room?: string;
  cancellationReason?: string;
}

const HOME_ADDRESS = { line1: "4410 Loma Del Norte Dr", city: "El Paso", postalCode: "79912" };

/**
 * Dana's visits today and tomorrow, so "My day" is never empty for the demo
 * therapist: mornings in the clinic or on video, one home visit on a Tuesday
 * or Thursday afternoon (her home-visit time) when today or tomorrow is one.
 * They keep clear of the 10:00 visits above. Dana does not work weekends, so
 * on a Saturday or Sunday (or a Friday, for the home visit) these sit at her
 * weekday times anyway: a demo run any day of the week must have a day to show.
 */
async function seedDanasTwoDays(
  admin: StaffMember,
  ctx: RequestContext,
  ids: { therapistId: string; locationId: string; serviceIds: Map<string, string>; patientIds: string[] },
): Promise<{ videoJoinToken: string }> {
  let videoJoinToken = "";
  const today = DateTime.fromJSDate(ctx.now, { zone: ZONE }).startOf("day");
  const homeDay = ([0, 1] as const).find((d) => [2, 4].includes(today.plus({ days: d }).weekday)) ?? 0;
  const visits: DayVisitSeed[] = [
    { day: 0, hour: 8, minute: 30, service: "therapy-session", mode: "CLINIC", room: "Treatment room 2", patient: 3, reasonSlug: "knee-pain-running", reasonText: "Inner knee aches after 10 km; half marathon in March." },
    { day: 0, hour: 11, minute: 0, service: "exercise-program-review", mode: "VIDEO", patient: 2, reasonSlug: "back-neck-pain", reasonText: "Check the new core routine while travelling for work." },
    { day: homeDay, hour: 14, minute: 0, service: "therapy-session", mode: "HOME", patient: 4, reasonSlug: "post-surgery", reasonText: "Six weeks after a knee replacement; the stairs at home are still hard." },
    { day: 0, hour: 15, minute: 45, service: "graston-technique", mode: "CLINIC", room: "Treatment room 1", patient: 5, reasonSlug: "sports-injury", reasonText: "Tight IT band after weekend soccer.", cancellationReason: "Patient called in sick." },
    { day: 1, hour: 8, minute: 30, service: "graston-technique", mode: "CLINIC", room: "Treatment room 1", patient: 1, reasonSlug: "mcl-injury", reasonText: "MCL sprain from a fall while hiking; wants to run again by spring." },
    { day: 1, hour: 11, minute: 15, service: "exercise-program-review", mode: "CLINIC", room: "Treatment room 3", patient: 5, reasonSlug: "sports-injury", reasonText: "Review the hip-strength program before the season starts." },
  ];
  const dana = THERAPISTS.find((t) => t.slug === "dana-whitfield")!;
  for (const v of visits) {
    const service = DEMO_SERVICES.find((s) => s.slug === v.service)!;
    const start = today.plus({ days: v.day }).set({ hour: v.hour, minute: v.minute });
    const startMinute = v.hour * 60 + v.minute;
    const withinHours = dana.hours.some(
      ([location, days, from, to, modes]) =>
        location === WESTSIDE.slug && days.includes(start.weekday) && modes.includes(v.mode) && from * 60 <= startMinute && startMinute + service.durationMinutes <= to * 60,
    );
    const visit = { ...v, start, serviceId: ids.serviceIds.get(v.service)!, patientId: ids.patientIds[v.patient]! };
    if (start.toMillis() < ctx.now.getTime() || !withinHours) {
      const manageToken = await recordVisitOutsideBooking(ctx, ids, visit);
      if (v.mode === "VIDEO") videoJoinToken = videoJoinTokenFor(manageToken);
      continue;
    }
    const booked = await bookForCaller(
      admin,
      bookForCallerSchema.parse({
        serviceId: visit.serviceId,
        locationId: ids.locationId,
        therapistId: ids.therapistId,
        mode: v.mode,
        start: isoAt(start),
        patientId: visit.patientId,
        ...(v.mode === "HOME" ? { visitAddress: HOME_ADDRESS } : {}),
        reason: v.reasonText,
        reasonSlug: v.reasonSlug,
      }),
      ctx,
    );
    if (v.cancellationReason) await changeAppointmentStatus(admin, { appointmentId: booked.appointment.id, action: "cancel", reason: v.cancellationReason }, ctx);
    if (v.mode === "VIDEO") videoJoinToken = videoJoinTokenFor(booked.manageToken);
  }
  return { videoJoinToken };
}

/**
 * Writes one of Dana's visits as a row, for the times no booking function
 * takes: already begun or past (today's morning when the demo starts in the
 * afternoon), or outside her hours (her weekday times, shown on a weekend).
 * The row is what booking would have written, with the room named here.
 * Returns the visit's manage token (only its hash is stored).
 */
async function recordVisitOutsideBooking(
  ctx: RequestContext,
  ids: { therapistId: string; locationId: string },
  v: DayVisitSeed & { start: DateTime; serviceId: string; patientId: string },
): Promise<string> {
  const prisma = getPrisma();
  const service = DEMO_SERVICES.find((s) => s.slug === v.service)!;
  const location = await prisma.location.findUniqueOrThrow({ where: { id: ids.locationId }, select: { homeTravelMinutes: true } });
  const patient = await prisma.patient.findUniqueOrThrow({ where: { id: v.patientId } });
  const room = v.room ? await prisma.room.findFirstOrThrow({ where: { locationId: ids.locationId, name: v.room }, select: { id: true } }) : null;
  const range = blockedRangeFor(v.start.toMillis(), {
    mode: v.mode,
    durationMinutes: service.durationMinutes,
    bufferBeforeMinutes: service.bufferBeforeMinutes ?? 0,
    bufferAfterMinutes: service.bufferAfterMinutes,
    travelMinutes: location.homeTravelMinutes,
  });
  const home = v.mode === "HOME";
  const manageToken = createManageToken();
  await prisma.appointment.create({
    data: {
      patientId: patient.id,
      therapistId: ids.therapistId,
      serviceId: v.serviceId,
      locationId: ids.locationId,
      roomId: room?.id ?? null,
      mode: v.mode,
      startsAt: new Date(range.start),
      endsAt: new Date(range.end),
      blockedFrom: new Date(range.blockedFrom),
      blockedUntil: new Date(range.blockedUntil),
      source: "STAFF",
      language: patient.preferredLanguage,
      reasonSlug: v.reasonSlug,
      reasonText: v.reasonText,
      patientFirstName: patient.firstName,
      patientLastName: patient.lastName,
      visitAddressLine1: home ? HOME_ADDRESS.line1 : null,
      visitCity: home ? HOME_ADDRESS.city : null,
      visitPostalCode: home ? HOME_ADDRESS.postalCode : null,
      ...(v.cancellationReason ? { status: "CANCELLED", cancelledAt: ctx.now, cancellationReason: v.cancellationReason } : {}),
      manageTokenHash: hashManageToken(manageToken),
      videoJoinTokenHash: videoJoinTokenHashFor(manageToken),
      manageTokenExpiresAt: new Date(range.end + 30 * 86_400_000),
    },
  });
  return manageToken;
}
