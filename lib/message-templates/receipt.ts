import "server-only";
import type { Prisma } from "../db/generated/client";
import { translator } from "../i18n/catalog";
import { formatPrice } from "../i18n/format-price";
import type { Language } from "../i18n/languages";
import type { Block } from "./layout";
import type { MessageVisit } from "./visit";

/**
 * What the patient paid online for the visit and what is left to pay at the
 * clinic, from the payment ledger as it is when the message is written (a
 * refund recorded since the booking shows); nothing for a visit not paid
 * online.
 */
export async function paymentReceipt(tx: Prisma.TransactionClient, visit: MessageVisit, language: Language): Promise<Block[]> {
  const payments = await tx.payment.findMany({
    where: { appointmentId: visit.id, status: "SUCCEEDED", amountCents: { not: null } },
    select: { amountCents: true, refundedCents: true, currency: true },
  });
  if (payments.length === 0) return [];
  const currency = payments[0]!.currency ?? visit.service.currency;
  const paid = payments.reduce((sum, p) => sum + p.amountCents!, 0);
  const refunded = payments.reduce((sum, p) => sum + p.refundedCents, 0);
  const left = Math.max(0, visit.service.priceCents - (paid - refunded));
  const t = translator(language, "messageConfirmation");
  const money = (cents: number) => formatPrice(cents, currency, language);
  return [
    { kind: "heading", text: t("receipt.title") },
    {
      kind: "facts",
      rows: [
        { label: t("receipt.paid"), value: money(paid) },
        ...(refunded > 0 ? [{ label: t("receipt.refunded"), value: money(refunded) }] : []),
        { label: t("receipt.left"), value: left > 0 ? money(left) : t("receipt.nothingLeft") },
      ],
    },
  ];
}
