import "server-only";
import type { RequestContext } from "../http/request-context";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/require-staff";
import { getPrisma } from "../db/client";
import type { PackageLedgerKind, Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { hashPackageCode } from "./code";
import { INVALID_PACKAGE_MESSAGE, PACKAGE_CODE_PATTERN, PACKAGE_USED_UP_MESSAGE } from "./schema";

type Db = Prisma.TransactionClient;

/** What the packages page offers. */
export interface OfferDto {
  id: string;
  name: { en: string; es: string };
  service: { id: string; slug: string; name: { en: string; es: string }; priceCents: number };
  visits: number;
  validityDays: number;
  priceCents: number;
  currency: string;
}

/** The packages on sale, in the practice's order, each for a service still offered. */
export async function listActiveOffers(): Promise<OfferDto[]> {
  const offers = await getPrisma().packageOffer.findMany({
    where: { active: true, service: { active: true } },
    orderBy: [{ sortOrder: "asc" }, { nameEn: "asc" }],
    include: { service: { select: { id: true, slug: true, nameEn: true, nameEs: true, priceCents: true } } },
  });
  return offers.map((o) => ({
    id: o.id,
    name: { en: o.nameEn, es: o.nameEs },
    service: { id: o.service.id, slug: o.service.slug, name: { en: o.service.nameEn, es: o.service.nameEs }, priceCents: o.service.priceCents },
    visits: o.visits,
    validityDays: o.validityDays,
    priceCents: o.priceCents,
    currency: o.currency,
  }));
}

/** The one answer to a code that cannot pay for this visit, whatever the reason. */
export function packageRefused(): AppError {
  return new AppError("VALIDATION_FAILED", INVALID_PACKAGE_MESSAGE, { fields: { packageCode: INVALID_PACKAGE_MESSAGE } });
}

/** A package that can pay for a visit now. */
export interface PackageCover {
  id: string;
  patientId: string;
  serviceId: string;
  visitsLeft: number;
  expiresAt: Date;
}

/**
 * The package a code names, when it can pay for a visit of this service at
 * `now`: bought, not expired, for this service, with a visit left. No such
 * code, an expired one and another service's are one refusal, so a guessed
 * or stale code tells nothing about any package.
 */
export async function packageCoverFor(db: Db, code: string, serviceId: string, now: Date): Promise<PackageCover> {
  const refused = packageRefused();
  if (!PACKAGE_CODE_PATTERN.test(code)) throw refused;
  const found = await db.patientPackage.findUnique({
    where: { codeHash: hashPackageCode(code) },
    select: { id: true, patientId: true, visitsLeft: true, purchasedAt: true, expiresAt: true, offer: { select: { serviceId: true } } },
  });
  if (!found || !found.purchasedAt || !found.expiresAt || found.expiresAt.getTime() <= now.getTime() || found.offer.serviceId !== serviceId) throw refused;
  // Only the code's holder gets this far: saying the package is used up tells nobody else anything.
  if (found.visitsLeft <= 0) throw new AppError("PACKAGE_USED_UP", PACKAGE_USED_UP_MESSAGE);
  return { id: found.id, patientId: found.patientId, serviceId: found.offer.serviceId, visitsLeft: found.visitsLeft, expiresAt: found.expiresAt };
}

/** What the booking form tells the patient about their package before they confirm. */
export interface PackageBalanceDto {
  visitsLeft: number;
  expiresAt: string;
}

export async function packageBalance(code: string, serviceId: string, now: Date): Promise<PackageBalanceDto> {
  const cover = await packageCoverFor(getPrisma(), code, serviceId, now);
  return { visitsLeft: cover.visitsLeft, expiresAt: cover.expiresAt.toISOString() };
}

/** One line of a package's ledger, for staff. */
export interface LedgerLine {
  id: string;
  kind: PackageLedgerKind;
  delta: number;
  appointmentId: string | null;
  at: Date;
}

/** A patient's package, for the profile. */
export interface PatientPackageRow {
  id: string;
  name: string;
  serviceName: string;
  visitsTotal: number;
  visitsLeft: number;
  purchasedAt: Date;
  expiresAt: Date;
  entries: LedgerLine[];
}

/** The packages a patient bought (not the unpaid checkouts), newest first, read by staff and audited. */
export async function loadPatientPackages(staff: StaffMember, patientId: string, ctx: RequestContext): Promise<PatientPackageRow[]> {
  const prisma = getPrisma();
  const rows = await prisma.patientPackage.findMany({
    where: { patientId, purchasedAt: { not: null } },
    orderBy: { purchasedAt: "desc" },
    include: { offer: { select: { nameEn: true, service: { select: { nameEn: true } } } }, entries: { orderBy: { createdAt: "asc" } } },
  });
  await recordAudit(prisma, {
    staffUserId: staff.id,
    actor: staff.email,
    action: "package.balance.view",
    entity: "Patient",
    entityId: patientId,
    patientId,
    ipAddress: ctx.ipAddress,
    detail: { packages: rows.length },
  });
  return rows.map((p) => ({
    id: p.id,
    name: p.offer.nameEn,
    serviceName: p.offer.service.nameEn,
    visitsTotal: p.visitsTotal,
    visitsLeft: p.visitsLeft,
    purchasedAt: p.purchasedAt!,
    expiresAt: p.expiresAt!,
    entries: p.entries.map((e) => ({ id: e.id, kind: e.kind, delta: e.delta, appointmentId: e.appointmentId, at: e.createdAt })),
  }));
}

/** Every offer, for the settings page. */
export async function listOfferSettings(staff: StaffMember) {
  if (staff.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only administrators change the practice's packages.");
  return getPrisma().packageOffer.findMany({
    orderBy: [{ sortOrder: "asc" }, { nameEn: "asc" }],
    include: { service: { select: { nameEn: true } }, _count: { select: { purchases: { where: { purchasedAt: { not: null } } } } } },
  });
}
