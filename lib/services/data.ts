import "server-only";
import { z } from "zod";
import type { StaffMember } from "../auth/mutations";
import { getPrisma } from "../db/client";
import type { PaymentRule, VisitMode } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { assertMayManageServices } from "./access";

export interface ServiceRow {
  id: string;
  slug: string;
  nameEn: string;
  nameEs: string;
  durationMinutes: number;
  priceCents: number;
  currency: string;
  visitModes: VisitMode[];
  paymentRule: PaymentRule;
  depositCents: number | null;
  depositPercent: number | null;
  active: boolean;
  therapistCount: number;
}

export interface ServiceDetail extends Omit<ServiceRow, "therapistCount"> {
  descriptionEn: string;
  descriptionEs: string;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  cancelCutoffMinutes: number;
  newPatientsOnly: boolean;
  therapistIds: string[];
}

export interface TherapistOption {
  id: string;
  name: string;
  credentials: string;
  visitModes: VisitMode[];
}

/** Every service, offered or not, in the order patients see them. */
export async function listServiceSettings(staff: StaffMember): Promise<ServiceRow[]> {
  assertMayManageServices(staff);
  const services = await getPrisma().service.findMany({
    orderBy: [{ sortOrder: "asc" }, { nameEn: "asc" }],
    include: { _count: { select: { therapists: { where: { therapist: { active: true } } } } } },
  });
  return services.map((s) => ({
    id: s.id,
    slug: s.slug,
    nameEn: s.nameEn,
    nameEs: s.nameEs,
    durationMinutes: s.durationMinutes,
    priceCents: s.priceCents,
    currency: s.currency,
    visitModes: s.visitModes,
    paymentRule: s.paymentRule,
    depositCents: s.depositCents,
    depositPercent: s.depositPercent,
    active: s.active,
    therapistCount: s._count.therapists,
  }));
}

export async function findServiceSettings(staff: StaffMember, id: string): Promise<ServiceDetail> {
  assertMayManageServices(staff);
  if (!z.guid().safeParse(id).success) throw new AppError("NOT_FOUND", "No such service.");
  const service = await getPrisma().service.findUnique({
    where: { id },
    include: { therapists: { where: { therapist: { active: true } }, select: { therapistId: true } } },
  });
  if (!service) throw new AppError("NOT_FOUND", "No such service.");
  return {
    id: service.id,
    slug: service.slug,
    nameEn: service.nameEn,
    nameEs: service.nameEs,
    descriptionEn: service.descriptionEn,
    descriptionEs: service.descriptionEs,
    durationMinutes: service.durationMinutes,
    priceCents: service.priceCents,
    currency: service.currency,
    visitModes: service.visitModes,
    paymentRule: service.paymentRule,
    depositCents: service.depositCents,
    depositPercent: service.depositPercent,
    bufferBeforeMinutes: service.bufferBeforeMinutes,
    bufferAfterMinutes: service.bufferAfterMinutes,
    minNoticeMinutes: service.minNoticeMinutes,
    horizonDays: service.horizonDays,
    cancelCutoffMinutes: service.cancelCutoffMinutes,
    newPatientsOnly: service.newPatientsOnly,
    active: service.active,
    therapistIds: service.therapists.map((t) => t.therapistId),
  };
}

/** The therapists a service can be given to: the active ones. */
export async function listTherapistOptions(staff: StaffMember): Promise<TherapistOption[]> {
  assertMayManageServices(staff);
  const therapists = await getPrisma().therapist.findMany({
    where: { active: true },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { id: true, firstName: true, lastName: true, credentials: true, visitModes: true },
  });
  return therapists.map((t) => ({ id: t.id, name: `${t.firstName} ${t.lastName}`, credentials: t.credentials, visitModes: t.visitModes }));
}
