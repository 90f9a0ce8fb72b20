import "server-only";
import { randomUUID } from "node:crypto";
import type { RequestContext } from "../http/request-context";
import { upsertPatient } from "../booking/mutations";
import { getPrisma } from "../db/client";
import { publicBaseUrl } from "../env";
import { AppError } from "../errors/app-error";
import { hashPackageCode, packageCodeFor } from "../packages/code";
import { isOnlinePaymentOn } from "../payments/config";
import { stripeClient } from "../payments/stripe-client";
import { packagePurchaseSchema, type PackagePurchaseInput } from "./schema";

/** Stripe's shortest Checkout Session: nothing is held while a package is paid for, so the shortest will do. */
const SESSION_SECONDS = 30 * 60;
const PURCHASE_UNAVAILABLE = "Packages cannot be bought online right now. Please try again in a few minutes, or buy one at the clinic.";

/**
 * A patient starts buying a package: the person is found or added the way
 * the booking form does it (saying nothing of whether they were known), a
 * purchase is written with no visits yet, and Stripe's checkout is opened for
 * it. The purchase row's id is Stripe's idempotency key and the session's
 * metadata; its payment's webhook adds the visits (lib/packages/purchase-webhook.ts).
 */
export async function startPackagePurchase(input: PackagePurchaseInput, ctx: RequestContext): Promise<{ checkoutUrl: string }> {
  const data = packagePurchaseSchema.parse(input);
  if (!isOnlinePaymentOn()) throw new AppError("NOT_FOUND", "Packages are bought at the clinic: online payment is not available.");
  const prisma = getPrisma();
  const offer = await prisma.packageOffer.findFirst({ where: { id: data.offerId, active: true, service: { active: true } } });
  if (!offer) throw new AppError("NOT_FOUND", "That package is no longer on sale. Reload the page to see the packages offered now.");
  const language = data.language ?? "en";
  const id = randomUUID();
  await prisma.$transaction(async (tx) => {
    const patientId = await upsertPatient(tx, data.patient, language);
    await tx.patientPackage.create({
      data: { id, offerId: offer.id, patientId, visitsTotal: offer.visits, codeHash: hashPackageCode(packageCodeFor(id)), language },
    });
  });
  const metadata = { purpose: "package", offerId: offer.id, patientPackageId: id };
  let session;
  try {
    session = await stripeClient().checkout.sessions.create(
      {
        mode: "payment",
        client_reference_id: id,
        customer_email: data.patient.email,
        metadata,
        locale: language,
        line_items: [{ quantity: 1, price_data: { currency: offer.currency.toLowerCase(), unit_amount: offer.priceCents, product_data: { name: language === "es" ? offer.nameEs : offer.nameEn } } }],
        payment_intent_data: { metadata },
        success_url: `${publicBaseUrl()}/${language}/packages/bought`,
        cancel_url: `${publicBaseUrl()}/${language}/packages`,
        expires_at: Math.floor(ctx.now.getTime() / 1000) + SESSION_SECONDS + 60,
      },
      { idempotencyKey: `package-checkout:${id}` },
    );
  } catch (error) {
    console.error(`Checkout for package purchase ${id} could not be started: ${error instanceof Error ? error.message : String(error)}`);
    throw new AppError("PAYMENT_UNAVAILABLE", PURCHASE_UNAVAILABLE);
  }
  if (!session.url) throw new AppError("PAYMENT_UNAVAILABLE", PURCHASE_UNAVAILABLE);
  await prisma.patientPackage.update({ where: { id }, data: { checkoutSessionId: session.id } });
  return { checkoutUrl: session.url };
}
