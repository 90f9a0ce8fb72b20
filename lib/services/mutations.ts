import "server-only";
import type { z } from "zod";
import type { StaffRequestContext } from "../appointments/mutations";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import { getPrisma } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { fieldMessages } from "../errors/field-messages";
import { sameVisits } from "../schedules/find-stranded";
import type { ScheduleChangeResult, StrandedAppointment } from "../schedules/types";
import { formatInstantWithOffset } from "../scheduling/zone-time";
import { slugTakenMessage, slugToUse } from "../text/slug";
import { assertMayManageServices } from "./access";
import {
  serviceCreateSchema,
  serviceMoveSchema,
  serviceUpdateSchema,
  type ServiceCreateInput,
  type ServiceMoveInput,
  type ServiceUpdateInput,
  type ServiceValues,
} from "./schema";
import { serviceStrandReason, type ServiceTerms } from "./stranded";

type Tx = Prisma.TransactionClient;

const TX_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

/** The stored columns the form sets, in the order the audit lists them. */
const FORM_COLUMNS = [
  "nameEn",
  "nameEs",
  "descriptionEn",
  "descriptionEs",
  "durationMinutes",
  "priceCents",
  "visitModes",
  "bufferBeforeMinutes",
  "bufferAfterMinutes",
  "minNoticeMinutes",
  "horizonDays",
  "cancelCutoffMinutes",
  "newPatientsOnly",
  "paymentRule",
  "depositCents",
  "depositPercent",
] as const satisfies readonly (keyof ServiceValues)[];

type ServiceColumns = Pick<ServiceValues, (typeof FORM_COLUMNS)[number]>;

function invalid(fields: Record<string, string>): AppError {
  return new AppError("VALIDATION_FAILED", "Please correct the highlighted fields.", { fields });
}

function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalid(fieldMessages(parsed.error, { flat: true }));
  return parsed.data;
}

function columnsOf(values: ServiceColumns): ServiceColumns {
  return Object.fromEntries(FORM_COLUMNS.map((column) => [column, values[column]])) as ServiceColumns;
}

/** Adds a service, offered at once by the therapists chosen, last in the list patients see. */
export async function createService(staff: StaffMember, input: ServiceCreateInput, ctx: StaffRequestContext): Promise<{ id: string; slug: string }> {
  assertMayManageServices(staff);
  const values = parseOrThrow(serviceCreateSchema, input);
  try {
    return await getPrisma().$transaction(async (tx) => {
      await assertActiveTherapists(tx, values.therapistIds);
      const slug = await slugToUse(values.slug, values.nameEn, async (candidate) => (await tx.service.count({ where: { slug: candidate } })) > 0, "service");
      if (!slug) throw invalid({ slug: slugTakenMessage("service") });
      const last = await tx.service.aggregate({ _max: { sortOrder: true } });
      const created = await tx.service.create({
        data: {
          slug,
          ...columnsOf(values),
          sortOrder: (last._max.sortOrder ?? 0) + 1,
          therapists: { create: values.therapistIds.map((therapistId) => ({ therapistId })) },
        },
        select: { id: true, slug: true },
      });
      await audit(tx, staff, ctx, "settings.service.create", created.id, {
        slug,
        ...columnsOf(values),
        therapistIds: values.therapistIds,
      } satisfies Prisma.InputJsonObject);
      return created;
    }, TX_OPTIONS);
  } catch (error) {
    // Two services named alike at the same moment: the slug's unique index picks one.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw invalid({ nameEn: "A service with this name was added a moment ago. Save again to add this one beside it." });
    }
    throw error;
  }
}

/**
 * Changes a service. When the change leaves booked visits behind (the service
 * withdrawn, its length changed, a mode or a therapist no longer offered), it
 * answers with the list and saves only once the administrator confirmed
 * exactly that list. Saving never alters the visits themselves.
 */
export async function updateService(staff: StaffMember, input: ServiceUpdateInput, ctx: StaffRequestContext): Promise<ScheduleChangeResult> {
  assertMayManageServices(staff);
  const values = parseOrThrow(serviceUpdateSchema, input);
  return getPrisma().$transaction(async (tx) => {
    // FOR UPDATE conflicts with the KEY SHARE lock an appointment insert takes
    // on its service: a booking being written now commits before the visits
    // below are read (and so is listed), and none is added until this commits.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id"::text AS "id" FROM "Service" WHERE "id" = ${values.id}::uuid FOR UPDATE`;
    if (!locked[0]) throw new AppError("NOT_FOUND", "No such service.");
    const current = await tx.service.findUniqueOrThrow({
      where: { id: values.id },
      include: { therapists: { select: { therapistId: true, therapist: { select: { active: true } } } } },
    });
    await assertActiveTherapists(tx, values.therapistIds);

    // The form lists active therapists only; links to inactive ones stay as they are.
    const beforeIds = current.therapists.map((t) => t.therapistId);
    const keptInactive = current.therapists.filter((t) => !t.therapist.active).map((t) => t.therapistId);
    const afterIds = [...new Set([...values.therapistIds, ...keptInactive])];
    const before: ServiceTerms = { active: current.active, durationMinutes: current.durationMinutes, visitModes: current.visitModes, therapistIds: beforeIds };
    const after: ServiceTerms = { active: values.active, durationMinutes: values.durationMinutes, visitModes: values.visitModes, therapistIds: afterIds };

    const stranded = await findStrandedVisits(tx, values.id, ctx.now, before, after);
    if (stranded.length > 0 && !sameVisits(values.confirmStranded, stranded)) return { status: "needs-confirmation", stranded };

    const changed = changedFields({ ...columnsOf(current), active: current.active }, { ...columnsOf(values), active: values.active });
    const removed = beforeIds.filter((id) => !afterIds.includes(id));
    const added = afterIds.filter((id) => !beforeIds.includes(id));
    if (removed.length > 0 || added.length > 0) changed.therapistIds = { from: beforeIds, to: afterIds };
    if (Object.keys(changed).length === 0) return { status: "saved", id: values.id, stranded: [] };

    await tx.service.update({ where: { id: values.id }, data: { ...columnsOf(values), active: values.active } });
    if (removed.length > 0) await tx.therapistService.deleteMany({ where: { serviceId: values.id, therapistId: { in: removed } } });
    if (added.length > 0) await tx.therapistService.createMany({ data: added.map((therapistId) => ({ therapistId, serviceId: values.id })) });
    await audit(tx, staff, ctx, "settings.service.update", values.id, {
      changed: changed as Prisma.InputJsonObject,
      strandedAppointmentIds: stranded.map((s) => s.id),
    });
    return { status: "saved", id: values.id, stranded };
  }, TX_OPTIONS);
}

/**
 * Moves a service one place up or down the list patients see. The whole list
 * is numbered afresh, so services that shared a number get their own.
 */
export async function moveService(staff: StaffMember, input: ServiceMoveInput, ctx: StaffRequestContext): Promise<{ id: string; position: number }> {
  assertMayManageServices(staff);
  const values = parseOrThrow(serviceMoveSchema, input);
  return getPrisma().$transaction(async (tx) => {
    // Every row is renumbered: two moves at once queue here rather than interleave.
    // NO KEY UPDATE leaves bookings (which take KEY SHARE) free to go on meanwhile.
    await tx.$queryRaw`SELECT 1 FROM "Service" ORDER BY "id" FOR NO KEY UPDATE`;
    const services = await tx.service.findMany({ orderBy: [{ sortOrder: "asc" }, { nameEn: "asc" }], select: { id: true, sortOrder: true } });
    const from = services.findIndex((s) => s.id === values.id);
    if (from < 0) throw new AppError("NOT_FOUND", "No such service.");
    const to = values.direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= services.length) return { id: values.id, position: from + 1 };

    const order = services.map((s) => s.id);
    [order[from], order[to]] = [order[to]!, order[from]!];
    for (const [index, id] of order.entries()) {
      const previous = services.find((s) => s.id === id)!.sortOrder;
      if (previous !== index + 1) await tx.service.update({ where: { id }, data: { sortOrder: index + 1 } });
    }
    await audit(tx, staff, ctx, "settings.service.update", values.id, { changed: { position: { from: from + 1, to: to + 1 } } });
    return { id: values.id, position: to + 1 };
  }, TX_OPTIONS);
}

/** Every therapist chosen must be an active one: the form offers no others. */
async function assertActiveTherapists(tx: Tx, therapistIds: readonly string[]): Promise<void> {
  if (therapistIds.length === 0) return;
  const found = await tx.therapist.count({ where: { id: { in: [...therapistIds] }, active: true } });
  if (found !== therapistIds.length) throw invalid({ therapistIds: "Choose therapists from the list: one of those chosen is no longer active." });
}

/** The booked visits still to come that the change leaves behind, soonest first. */
async function findStrandedVisits(tx: Tx, serviceId: string, now: Date, before: ServiceTerms, after: ServiceTerms): Promise<StrandedAppointment[]> {
  const visits = await tx.appointment.findMany({
    where: { serviceId, status: { in: ["BOOKED", "CHECKED_IN"] }, startsAt: { gt: now } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      therapistId: true,
      mode: true,
      startsAt: true,
      endsAt: true,
      patient: { select: { firstName: true, lastName: true } },
      therapist: { select: { firstName: true, lastName: true } },
      service: { select: { nameEn: true } },
      location: { select: { name: true, timeZone: true } },
    },
  });
  const stranded: StrandedAppointment[] = [];
  for (const visit of visits) {
    const reason = serviceStrandReason(visit, before, after);
    if (!reason) continue;
    const zone = visit.location.timeZone;
    stranded.push({
      id: visit.id,
      startsAt: formatInstantWithOffset(visit.startsAt.getTime(), zone),
      endsAt: formatInstantWithOffset(visit.endsAt.getTime(), zone),
      timeZone: zone,
      locationName: visit.location.name,
      patientName: `${visit.patient.firstName} ${visit.patient.lastName}`,
      serviceName: visit.service.nameEn,
      therapistName: `${visit.therapist.firstName} ${visit.therapist.lastName}`,
      mode: visit.mode,
      reason,
    });
  }
  return stranded;
}

type Changes = Record<string, { from: Prisma.InputJsonValue | null; to: Prisma.InputJsonValue | null }>;

/** Each field whose value differs, with both values, for the audit log. */
function changedFields<T extends Record<string, Prisma.InputJsonValue | null>>(before: T, after: T): Changes {
  const changes: Changes = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { from: before[key] ?? null, to: after[key] ?? null };
  }
  return changes;
}

async function audit(tx: Tx, staff: StaffMember, ctx: StaffRequestContext, action: "settings.service.create" | "settings.service.update", serviceId: string, detail: Prisma.InputJsonObject) {
  await recordAudit(tx, { staffUserId: staff.id, actor: staff.email, action, entity: "Service", entityId: serviceId, ipAddress: ctx.ipAddress, detail });
}
