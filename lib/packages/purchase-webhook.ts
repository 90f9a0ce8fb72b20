import "server-only";
import { z } from "zod";
import { recordAudit } from "../audit/mutations";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { queueMessage } from "../messages/mutations";
import { registerStripeEventHandler, type StripeEventHandler } from "../payments/webhook";

// What a package's paid checkout does: the package gets its visits, once.
// Runs in the transaction that records the Stripe event, so a redelivery
// finds the event done; the purchase row is locked and the PURCHASE entry
// is unique per package besides, so two deliveries at once add one balance.

type Tx = Prisma.TransactionClient;
const DAY_MS = 86_400_000;

const packageSessionSchema = z.object({
  id: z.string().startsWith("cs_"),
  payment_status: z.string(),
  payment_intent: z
    .union([z.string().min(1), z.object({ id: z.string().min(1) }).transform((o) => o.id)])
    .nullish()
    .transform((v) => v ?? null),
  metadata: z.record(z.string(), z.string()).nullish().transform((m) => m ?? {}),
});

/** The dedupe key of a package's purchase message: one per package. */
export const packageMessageKey = (patientPackageId: string) => `package:${patientPackageId}`;

/** The package a purchase message is about, from its dedupe key. */
export function packageIdOfMessage(dedupeKey: string): string | null {
  const id = dedupeKey.startsWith("package:") ? dedupeKey.slice("package:".length) : "";
  return z.uuid().safeParse(id).success ? id : null;
}

/** Records a paid package: its dates, its payment, its visits (through the ledger), and the patient's message with the code. */
export async function completePackagePurchase(tx: Tx, args: { patientPackageId: string; checkoutSessionId: string; paymentIntentId: string | null; now: Date }): Promise<"bought" | "already"> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "PatientPackage" WHERE "id" = ${args.patientPackageId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new AppError("VALIDATION_FAILED", `Checkout Session ${args.checkoutSessionId} pays for a package purchase this database does not hold.`);
  const purchase = await tx.patientPackage.findUniqueOrThrow({
    where: { id: args.patientPackageId },
    include: { offer: { select: { validityDays: true } }, patient: { select: { email: true } } },
  });
  if (purchase.purchasedAt) return "already";
  await tx.patientPackage.update({
    where: { id: purchase.id },
    data: {
      purchasedAt: args.now,
      expiresAt: new Date(args.now.getTime() + purchase.offer.validityDays * DAY_MS),
      checkoutSessionId: args.checkoutSessionId,
      paymentIntentId: args.paymentIntentId,
    },
  });
  await tx.packageLedgerEntry.create({ data: { patientPackageId: purchase.id, delta: purchase.visitsTotal, kind: "PURCHASE" } });
  await recordAudit(tx, {
    actor: "patient via online payment",
    action: "package.purchase",
    entity: "PatientPackage",
    entityId: purchase.id,
    patientId: purchase.patientId,
    detail: { checkoutSessionId: args.checkoutSessionId, visits: purchase.visitsTotal },
  });
  await queueMessage(tx, {
    kind: "package",
    channel: "EMAIL",
    recipient: purchase.patient.email,
    language: purchase.language,
    dedupeKey: packageMessageKey(purchase.id),
    sendAfter: args.now,
  });
  return "bought";
}

/**
 * A package's checkout paid: only sessions whose metadata says purpose =
 * package; every other checkout is someone else's. A bank debit completes its
 * checkout unpaid and is paid later, in checkout.session.async_payment_succeeded,
 * which comes here too.
 */
const onPackageCheckoutCompleted: StripeEventHandler<"checkout.session.completed" | "checkout.session.async_payment_succeeded"> = async (tx, event) => {
  const session = packageSessionSchema.parse(event.data.object);
  if (session.metadata.purpose !== "package") return;
  if (session.payment_status !== "paid") return;
  const patientPackageId = session.metadata.patientPackageId;
  if (!patientPackageId || !z.uuid().safeParse(patientPackageId).success) {
    throw new AppError("VALIDATION_FAILED", `Checkout Session ${session.id} is for a package but names no purchase.`);
  }
  await completePackagePurchase(tx, { patientPackageId, checkoutSessionId: session.id, paymentIntentId: session.payment_intent, now: new Date() });
};

/** Adds the packages' part of the checkout events; the webhook route imports this module. */
export function registerPackagePaymentHandlers(): void {
  registerStripeEventHandler("checkout.session.completed", onPackageCheckoutCompleted);
  registerStripeEventHandler("checkout.session.async_payment_succeeded", onPackageCheckoutCompleted);
}

registerPackagePaymentHandlers();
