import { describe, expect, it } from "vitest";
import { createPractice } from "@/test/fixtures";
import type { ServiceDto } from "@/lib/booking/api-types";
import { getPrisma } from "@/lib/db/client";
import { GET } from "./route";

// Configuration is read once per process, so online payment is switched on
// before anything reads it, in a file of its own.
process.env.STRIPE_SECRET_KEY = "sk_test_services0123456789abcdef";
process.env.STRIPE_WEBHOOK_SECRET = "whsec_services0123456789abcdef";

describe("GET /api/services with online payment on", () => {
  it("asks for the deposit in whole cents", async () => {
    const { service } = await createPractice();
    await getPrisma().service.update({ where: { id: service.id }, data: { priceCents: 11_000, paymentRule: "DEPOSIT", depositPercent: 25 } });
    const response = await GET(new Request("http://localhost:3000/api/services"), { params: Promise.resolve({}) });
    const { services } = (await response.json()) as { services: ServiceDto[] };
    expect(services.find((s) => s.id === service.id)?.payment.online).toEqual({ kind: "deposit", amountCents: 2750, restCents: 8250 });
  });
});
