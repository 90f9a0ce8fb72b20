import { describe, expect, it } from "vitest";
import { createPractice } from "../../test/fixtures";
import { getPrisma } from "../db/client";

// The database holds the payment rules' shape itself, so an import, a script
// or a future form cannot store a deposit the booking flow could not charge.

async function refuses(write: Promise<unknown>): Promise<void> {
  await expect(write).rejects.toThrow(/Service_deposit_shape|Service_deposit_bounds|Service_free_payment_rule|Practice_cancellation_policy/);
}

describe("payment rules in the database", () => {
  it("stores a deposit as an amount or a percent of the price, never both or neither", async () => {
    const { service } = await createPractice();
    const prisma = getPrisma();
    const where = { id: service.id };
    await prisma.service.update({ where, data: { priceCents: 11000 } });
    await refuses(prisma.service.update({ where, data: { paymentRule: "DEPOSIT" } }));
    await refuses(prisma.service.update({ where, data: { paymentRule: "DEPOSIT", depositCents: 2750, depositPercent: 25 } }));
    await refuses(prisma.service.update({ where, data: { paymentRule: "FULL", depositCents: 2750 } }));
    await refuses(prisma.service.update({ where, data: { paymentRule: "DEPOSIT", depositPercent: 0 } }));
    await refuses(prisma.service.update({ where, data: { paymentRule: "DEPOSIT", depositPercent: 101 } }));
    await refuses(prisma.service.update({ where, data: { paymentRule: "DEPOSIT", depositCents: 0 } }));
    await refuses(prisma.service.update({ where, data: { paymentRule: "DEPOSIT", depositCents: 11001 } }));
    await prisma.service.update({ where, data: { paymentRule: "DEPOSIT", depositCents: 11000 } });
    // Lowering the price below its deposit is refused too.
    await refuses(prisma.service.update({ where, data: { priceCents: 10000 } }));
    await prisma.service.update({ where, data: { paymentRule: "DEPOSIT", depositCents: null, depositPercent: 25 } });
    expect(await prisma.service.findUniqueOrThrow({ where, select: { paymentRule: true, depositPercent: true } })).toEqual({ paymentRule: "DEPOSIT", depositPercent: 25 });
  });

  it("lets a free service take a card for fees but not a payment", async () => {
    const { service } = await createPractice();
    const prisma = getPrisma();
    const where = { id: service.id };
    await prisma.service.update({ where, data: { priceCents: 0 } });
    await refuses(prisma.service.update({ where, data: { paymentRule: "FULL" } }));
    await refuses(prisma.service.update({ where, data: { paymentRule: "DEPOSIT", depositPercent: 50 } }));
    await prisma.service.update({ where, data: { paymentRule: "CARD_ON_FILE" } });
  });

  it("refuses a negative fee or window in the practice's policy", async () => {
    const prisma = getPrisma();
    await prisma.practice.upsert({ where: { id: 1 }, update: {}, create: { id: 1, name: "Test practice" } });
    await refuses(prisma.practice.update({ where: { id: 1 }, data: { lateCancelFeeCents: -1 } }));
    await refuses(prisma.practice.update({ where: { id: 1 }, data: { noShowFeeCents: -1 } }));
    await refuses(prisma.practice.update({ where: { id: 1 }, data: { lateCancelWindowMinutes: -1 } }));
  });
});
