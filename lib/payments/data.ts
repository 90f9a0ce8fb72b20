import "server-only";
import { getPrisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { NO_FEES, type CancellationPolicy } from "./rules";

/** The practice's cancellation policy, read in the caller's transaction when it has one. */
export async function findFeePolicy(tx: Prisma.TransactionClient = getPrisma()): Promise<CancellationPolicy> {
  const practice = await tx.practice.findUnique({
    where: { id: 1 },
    select: { lateCancelWindowMinutes: true, lateCancelFeeCents: true, noShowFeeCents: true },
  });
  return practice ?? NO_FEES;
}
