import "server-only";
import { getPrisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { isOnlinePaymentOn } from "../payments/config";
import { paymentTerms } from "../payments/payment-terms";
import type { ServicePayment } from "../payments/rules";
import { findFeePolicy } from "../practice/data";
import type { BookingDto } from "./api-types";

/**
 * The booking with its service's payment terms, as they are now: the price,
 * rule and fees are the service's and the practice's today, like the price
 * the booking already shows, unless the visit was booked with a package.
 * Read in the caller's transaction when it has one.
 */
export async function withPaymentTerms(dto: BookingDto, tx: Prisma.TransactionClient = getPrisma(), service?: ServicePayment): Promise<BookingDto> {
  const [row, policy] = await Promise.all([
    service ??
      tx.service.findUniqueOrThrow({
        where: { id: dto.service.id },
        select: { priceCents: true, currency: true, paymentRule: true, depositCents: true, depositPercent: true },
      }),
    findFeePolicy(tx),
  ]);
  const terms = paymentTerms(row, policy, isOnlinePaymentOn());
  // A visit its patient booked with a package (on any row of its booking) pays nothing, and no card covers a fee.
  const [covered] = await tx.$queryRaw<{ one: number }[]>`
    SELECT 1 AS "one" FROM "PackageLedgerEntry" e
      JOIN "Appointment" debited ON debited."id" = e."appointmentId"
      JOIN "Appointment" visit ON visit."bookingId" = debited."bookingId"
     WHERE visit."id" = ${dto.id}::uuid AND e."kind" = 'BOOKING'
     LIMIT 1`;
  const payment = covered ? { ...terms, online: { kind: "package" as const, lateCancelWindowMinutes: policy.lateCancelWindowMinutes }, fees: null } : terms;
  return { ...dto, service: { ...dto.service, payment } };
}
