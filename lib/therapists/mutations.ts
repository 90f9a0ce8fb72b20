import "server-only";
import type { z } from "zod";
import type { StaffRequestContext } from "../appointments/mutations";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import { getPrisma } from "../db/client";
import { Prisma, type VisitMode } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { fieldMessages } from "../errors/field-messages";
import type { CheckedImage } from "../images/image-file";
import { storeImage } from "../images/mutations";
import { sameVisits } from "../schedules/find-stranded";
import type { ScheduleChangeResult, StrandedAppointment } from "../schedules/types";
import { formatInstantWithOffset } from "../scheduling/zone-time";
import { explainClash, insertStaffAccount, newLogin } from "../staff-accounts/mutations";
import { slugTakenMessage, slugToUse } from "../text/slug";
import { assertMayManageTherapists } from "./access";
import { findTherapistStranded, type TherapistOffer } from "./find-stranded";
import { createTherapistSchema, therapistLoginSchema, updateTherapistSchema, type CreateTherapistInput, type TherapistLoginInput, type UpdateTherapistInput } from "./schema";

type Tx = Prisma.TransactionClient;

const TX_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

export interface CreatedTherapist {
  id: string;
  name: string;
  /** Set when a login was made with the therapist: shown to the administrator once, stored only as a hash. */
  login: { email: string; temporaryPassword: string } | null;
}

/**
 * Adds a therapist, with their photo, locations and services, and (when an
 * email is given) their staff login, in one transaction: an email already in
 * use refuses the whole thing, so no therapist is left without the login the
 * administrator asked for.
 */
export async function createTherapist(staff: StaffMember, input: CreateTherapistInput, photo: CheckedImage | null, ctx: StaffRequestContext): Promise<CreatedTherapist> {
  assertMayManageTherapists(staff);
  const values = parseOrThrow(createTherapistSchema, input);
  const login = values.loginEmail ? await newLogin() : null;
  const name = `${values.firstName} ${values.lastName}`;
  try {
    return await getPrisma().$transaction(async (tx) => {
      await assertChoicesExist(tx, values, { locationIds: [], serviceIds: [] });
      const slug = await slugToUse(values.slug, name, async (candidate) => (await tx.therapist.count({ where: { slug: candidate } })) > 0, "therapist");
      if (!slug) throw invalid({ slug: slugTakenMessage("therapist") });
      const photoImageId = photo ? await storeImage(tx, photo) : null;
      const therapist = await tx.therapist.create({
        data: {
          slug,
          firstName: values.firstName,
          lastName: values.lastName,
          credentials: values.credentials,
          bioEn: values.bioEn,
          bioEs: values.bioEs,
          languages: values.languages,
          visitModes: values.visitModes,
          photoImageId,
          locations: { createMany: { data: values.locationIds.map((locationId) => ({ locationId })) } },
          services: { createMany: { data: values.serviceIds.map((serviceId) => ({ serviceId })) } },
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        staffUserId: staff.id,
        actor: staff.email,
        action: "settings.therapist.create",
        entity: "Therapist",
        entityId: therapist.id,
        ipAddress: ctx.ipAddress,
        detail: { slug, fields: [...SETTING_FIELDS, ...(photoImageId ? ["photo"] : [])], withLogin: login !== null },
      });
      if (!login || !values.loginEmail) return { id: therapist.id, name, login: null };
      await insertLogin(tx, staff, { therapistId: therapist.id, email: values.loginEmail, name }, login.passwordHash, ctx);
      return { id: therapist.id, name, login: { email: values.loginEmail, temporaryPassword: login.temporaryPassword } };
    }, TX_OPTIONS);
  } catch (error) {
    // Two administrators saving the same new therapist, or the same login email, at once: the unique indexes decide.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("VALIDATION_FAILED", "A therapist or a login with these details was saved a moment ago. Check the list of therapists, then try again.");
    }
    throw error;
  }
}

/** Gives a therapist who has none a staff login with a temporary password, shown once. */
export async function addTherapistLogin(staff: StaffMember, input: TherapistLoginInput, ctx: StaffRequestContext): Promise<{ email: string; temporaryPassword: string }> {
  assertMayManageTherapists(staff);
  const values = parseOrThrow(therapistLoginSchema, input);
  const login = await newLogin();
  try {
    return await getPrisma().$transaction(async (tx) => {
      const therapist = await tx.therapist.findUnique({ where: { id: values.therapistId }, select: { id: true, firstName: true, lastName: true, active: true } });
      if (!therapist) throw new AppError("NOT_FOUND", "No such therapist.");
      if (!therapist.active) throw invalid({ loginEmail: "Reactivate the therapist before giving them a login." });
      await insertLogin(tx, staff, { therapistId: therapist.id, email: values.loginEmail, name: `${therapist.firstName} ${therapist.lastName}` }, login.passwordHash, ctx);
      return { email: values.loginEmail, temporaryPassword: login.temporaryPassword };
    }, TX_OPTIONS);
  } catch (error) {
    throw explainClash(error);
  }
}

async function insertLogin(tx: Tx, staff: StaffMember, account: { therapistId: string; email: string; name: string }, passwordHash: string, ctx: StaffRequestContext): Promise<void> {
  try {
    await insertStaffAccount(tx, staff, { ...account, role: "THERAPIST" }, passwordHash, ctx);
  } catch (error) {
    // The account's own form calls the field "email"; here it is the login email.
    if (error instanceof AppError && error.fields?.email) throw invalid({ loginEmail: error.fields.email });
    if (error instanceof AppError && error.fields?.therapistId) throw invalid({ loginEmail: error.fields.therapistId });
    throw error;
  }
}

/** The settings an update compares, named as the audit log records them. */
const SETTING_FIELDS = ["firstName", "lastName", "credentials", "bioEn", "bioEs", "languages", "visitModes", "locations", "services"] as const;

/**
 * Saves a therapist's settings. A change that takes away what booked visits
 * rely on (the therapist's activity, a location, a visit mode, a service)
 * saves only once the staff member has confirmed exactly the visits listed;
 * the visits themselves are never changed.
 */
export async function updateTherapist(staff: StaffMember, input: UpdateTherapistInput, photo: CheckedImage | null, ctx: StaffRequestContext): Promise<ScheduleChangeResult> {
  assertMayManageTherapists(staff);
  const values = parseOrThrow(updateTherapistSchema, input);
  return getPrisma().$transaction(async (tx) => {
    // FOR UPDATE conflicts with the FOR SHARE a booking takes on its therapist
    // (lib/booking/confirm-slot.ts): a booking being written now commits
    // before the visits are read below, so none is missed from the list, and
    // one that starts after this commits sees the therapist as changed.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id"::text AS "id" FROM "Therapist" WHERE "id" = ${values.id}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new AppError("NOT_FOUND", "No such therapist. The list shows the therapists there are now.");
    const before = await tx.therapist.findUniqueOrThrow({
      where: { id: values.id },
      include: { locations: { select: { locationId: true } }, services: { select: { serviceId: true } } },
    });
    const current = { locationIds: before.locations.map((l) => l.locationId), serviceIds: before.services.map((s) => s.serviceId) };
    await assertChoicesExist(tx, values, current);

    const offerBefore: TherapistOffer = { active: before.active, visitModes: before.visitModes, ...current };
    const offerAfter: TherapistOffer = { active: values.active, visitModes: values.visitModes, locationIds: values.locationIds, serviceIds: values.serviceIds };
    const stranded = await findStranded(tx, values.id, ctx.now, offerBefore, offerAfter);
    if (stranded.length > 0 && !sameVisits(values.confirmStranded, stranded)) return { status: "needs-confirmation", stranded };

    const changed = changedFields(
      { ...before, locations: current.locationIds, services: current.serviceIds },
      { ...values, locations: values.locationIds, services: values.serviceIds },
    );
    let photoImageId = before.photoImageId;
    if (photo) photoImageId = await storeImage(tx, photo);
    else if (values.removePhoto) photoImageId = null;
    if (photoImageId !== before.photoImageId) changed.push("photo");
    if (values.active !== before.active) changed.push("active");

    await tx.therapist.update({
      where: { id: values.id },
      data: {
        firstName: values.firstName,
        lastName: values.lastName,
        credentials: values.credentials,
        bioEn: values.bioEn,
        bioEs: values.bioEs,
        languages: values.languages,
        visitModes: values.visitModes,
        active: values.active,
        photoImageId,
      },
    });
    await tx.therapistLocation.deleteMany({ where: { therapistId: values.id, locationId: { notIn: values.locationIds } } });
    await tx.therapistLocation.createMany({ data: values.locationIds.map((locationId) => ({ therapistId: values.id, locationId })), skipDuplicates: true });
    await tx.therapistService.deleteMany({ where: { therapistId: values.id, serviceId: { notIn: values.serviceIds } } });
    await tx.therapistService.createMany({ data: values.serviceIds.map((serviceId) => ({ therapistId: values.id, serviceId })), skipDuplicates: true });
    // Weekly hours stay as they are: a reactivated therapist works the hours they had.
    await recordAudit(tx, {
      staffUserId: staff.id,
      actor: staff.email,
      action: "settings.therapist.update",
      entity: "Therapist",
      entityId: values.id,
      ipAddress: ctx.ipAddress,
      detail: { changed, ...(values.active !== before.active ? { active: values.active } : {}), strandedAppointmentIds: stranded.map((s) => s.id) },
    });
    return { status: "saved", id: values.id, stranded };
  }, TX_OPTIONS);
}

/** Visits the change strands that were not already stranded before it, described for the list. */
async function findStranded(tx: Tx, therapistId: string, now: Date, before: TherapistOffer, after: TherapistOffer): Promise<StrandedAppointment[]> {
  const rows = await tx.appointment.findMany({
    where: { therapistId, status: { in: ["BOOKED", "CHECKED_IN"] }, startsAt: { gt: now } },
    select: {
      id: true,
      locationId: true,
      serviceId: true,
      mode: true,
      startsAt: true,
      endsAt: true,
      patient: { select: { firstName: true, lastName: true } },
      service: { select: { nameEn: true } },
      location: { select: { name: true, timeZone: true } },
    },
  });
  const visits = rows.map((r) => ({ ...r, start: r.startsAt.getTime() }));
  const already = new Set(findTherapistStranded(visits, before).map((s) => s.visit.id));
  return findTherapistStranded(visits, after)
    .filter((s) => !already.has(s.visit.id))
    .map(({ visit, reason }) => ({
      id: visit.id,
      startsAt: formatInstantWithOffset(visit.startsAt.getTime(), visit.location.timeZone),
      endsAt: formatInstantWithOffset(visit.endsAt.getTime(), visit.location.timeZone),
      timeZone: visit.location.timeZone,
      locationName: visit.location.name,
      patientName: `${visit.patient.firstName} ${visit.patient.lastName}`,
      serviceName: visit.service.nameEn,
      mode: visit.mode,
      reason,
    }));
}

/**
 * Every location and service picked exists; newly added ones must be
 * active (one the therapist already has may stay while it is inactive).
 */
async function assertChoicesExist(tx: Tx, values: { locationIds: string[]; serviceIds: string[] }, current: { locationIds: string[]; serviceIds: string[] }): Promise<void> {
  const fields: Record<string, string> = {};
  const locations = await tx.location.findMany({ where: { id: { in: values.locationIds } }, select: { id: true, active: true } });
  if (values.locationIds.some((id) => !locations.some((l) => l.id === id && (l.active || current.locationIds.includes(id))))) {
    fields.locationIds = "A location picked is closed or no longer exists. Choose from the list.";
  }
  const services = await tx.service.findMany({ where: { id: { in: values.serviceIds } }, select: { id: true, active: true } });
  if (values.serviceIds.some((id) => !services.some((s) => s.id === id && (s.active || current.serviceIds.includes(id))))) {
    fields.serviceIds = "A service picked is no longer offered. Choose from the list.";
  }
  if (Object.keys(fields).length > 0) throw invalid(fields);
}

type Comparable = Record<(typeof SETTING_FIELDS)[number], string | readonly string[] | readonly VisitMode[]>;

function changedFields(before: Comparable, after: Comparable): string[] {
  const same = (a: Comparable[keyof Comparable], b: Comparable[keyof Comparable]) =>
    typeof a === "string" || typeof b === "string" ? a === b : [...a].sort().join() === [...b].sort().join();
  return SETTING_FIELDS.filter((field) => !same(before[field], after[field]));
}

function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalid(fieldMessages(parsed.error, { flat: true }));
  return parsed.data;
}

function invalid(fields: Record<string, string>): AppError {
  return new AppError("VALIDATION_FAILED", "Please correct the highlighted fields.", { fields });
}
