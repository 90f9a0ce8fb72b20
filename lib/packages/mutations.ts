import "server-only";
import type { RequestContext } from "../http/request-context";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/require-staff";
import { getPrisma } from "../db/client";
import { violatedConstraint } from "../db/errors";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { findFeePolicy } from "../practice/data";
import { packageCoverFor, packageRefused } from "./data";
import {
  PACKAGE_USED_UP_MESSAGE,
  packageOfferFormSchema,
  packageOfferUpdateSchema,
  type PackageOfferForm,
  type PackageOfferUpdate,
} from "./schema";

type Tx = Prisma.TransactionClient;

const MINUTE_MS = 60_000;

/**
 * Debits one visit from a package, inside the booking's transaction. The
 * package must belong to the person the booking is for. The ledger's trigger
 * takes the visit off the balance in the same statement; when another booking
 * took the last visit first, the balance's CHECK refuses it and the booking
 * rolls back with a clear answer: nothing is booked.
 */
export async function debitPackageVisit(
  tx: Tx,
  args: { code: string; serviceId: string; patientId: string; appointmentId: string; staffUserId?: string | null; now: Date },
): Promise<void> {
  const cover = await packageCoverFor(tx, args.code, args.serviceId, args.now);
  // Someone else's details with this code: the same refusal as a wrong code.
  if (cover.patientId !== args.patientId) throw packageRefused();
  try {
    await tx.packageLedgerEntry.create({
      data: { patientPackageId: cover.id, delta: -1, kind: "BOOKING", appointmentId: args.appointmentId, staffUserId: args.staffUserId ?? null },
    });
  } catch (error) {
    if (violatedConstraint(error) === "PatientPackage_visits_left_range") throw new AppError("PACKAGE_USED_UP", PACKAGE_USED_UP_MESSAGE);
    throw error;
  }
}

/**
 * A cancelled visit that a package paid for gives its visit back, when the
 * cancellation is outside the practice's late window (a late cancellation,
 * like a missed visit, keeps the visit used). Runs in the cancellation's
 * transaction; a visit is given back once, whatever cancels it (the ledger's
 * unique appointment and kind). A rescheduled visit is found through its
 * booking: the debit names the row first booked.
 */
export async function restorePackageVisit(tx: Tx, appointmentId: string, cancelledAt: Date, staffUserId: string | null = null): Promise<boolean> {
  const visit = await tx.appointment.findUnique({ where: { id: appointmentId }, select: { bookingId: true, startsAt: true } });
  if (!visit) return false;
  const debit = await tx.packageLedgerEntry.findFirst({
    where: { kind: "BOOKING", appointmentId: { in: (await tx.appointment.findMany({ where: { bookingId: visit.bookingId }, select: { id: true } })).map((r) => r.id) } },
    select: { patientPackageId: true, appointmentId: true },
  });
  if (!debit) return false;
  const policy = await findFeePolicy(tx);
  if (visit.startsAt.getTime() - cancelledAt.getTime() < policy.lateCancelWindowMinutes * MINUTE_MS) return false;
  const inserted = await tx.$executeRaw`
    INSERT INTO "PackageLedgerEntry" ("patientPackageId", "delta", "kind", "appointmentId", "staffUserId")
    VALUES (${debit.patientPackageId}::uuid, 1, 'RESTORE', ${debit.appointmentId}::uuid, ${staffUserId}::uuid)
    ON CONFLICT ("appointmentId", "kind") DO NOTHING`;
  return inserted === 1;
}

function assertAdmin(staff: StaffMember) {
  if (staff.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only administrators change the practice's packages.");
}

async function offerService(tx: Tx, serviceId: string) {
  const service = await tx.service.findUnique({ where: { id: serviceId }, select: { id: true, currency: true } });
  if (!service) throw new AppError("VALIDATION_FAILED", "Choose the service the package's visits are for.", { fields: { serviceId: "Choose the service the package's visits are for." } });
  return service;
}

/** An administrator adds a package offer, audited. Its currency is the service's. */
export async function createPackageOffer(staff: StaffMember, input: PackageOfferForm, ctx: RequestContext): Promise<{ id: string }> {
  assertAdmin(staff);
  const data = packageOfferFormSchema.parse(input);
  return getPrisma().$transaction(async (tx) => {
    const service = await offerService(tx, data.serviceId);
    const { price, ...rest } = data;
    const created = await tx.packageOffer.create({ data: { ...rest, priceCents: price, currency: service.currency } });
    await recordAudit(tx, { staffUserId: staff.id, actor: staff.email, action: "settings.package.create", entity: "PackageOffer", entityId: created.id, ipAddress: ctx.ipAddress, detail: { ...rest, priceCents: price } });
    return { id: created.id };
  });
}

/** An administrator changes (or takes off sale) a package offer, audited. Packages already bought keep their visits and expiry. */
export async function updatePackageOffer(staff: StaffMember, input: PackageOfferUpdate, ctx: RequestContext): Promise<{ id: string }> {
  assertAdmin(staff);
  const { id, price, ...rest } = packageOfferUpdateSchema.parse(input);
  return getPrisma().$transaction(async (tx) => {
    const service = await offerService(tx, rest.serviceId);
    const updated = await tx.packageOffer.updateMany({ where: { id }, data: { ...rest, priceCents: price, currency: service.currency } });
    if (updated.count !== 1) throw new AppError("NOT_FOUND", "That package offer no longer exists.");
    await recordAudit(tx, { staffUserId: staff.id, actor: staff.email, action: "settings.package.update", entity: "PackageOffer", entityId: id, ipAddress: ctx.ipAddress, detail: { ...rest, priceCents: price } });
    return { id };
  });
}
