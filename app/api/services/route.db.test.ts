import { afterEach, describe, expect, it, vi } from "vitest";
import { createPractice } from "@/test/fixtures";
import type { ServiceDto } from "@/lib/booking/api-types";
import { getPrisma } from "@/lib/db/client";
import { GET } from "./route";

async function services() {
  const response = await GET(new Request("http://localhost:3000/api/services"), { params: Promise.resolve({}) });
  return { cacheControl: response.headers.get("cache-control"), services: ((await response.json()) as { services: ServiceDto[] }).services };
}

describe("GET /api/services", () => {
  it("answers with the services as they are now, and tells browsers not to keep the answer", async () => {
    const { service } = await createPractice();
    const first = await services();
    expect(first.cacheControl).toBe("no-store");
    expect(first.services.find((s) => s.id === service.id)?.priceCents).toBe(0);

    await getPrisma().service.update({ where: { id: service.id }, data: { priceCents: 12_500 } });
    expect((await services()).services.find((s) => s.id === service.id)?.priceCents).toBe(12_500);

    await getPrisma().service.update({ where: { id: service.id }, data: { active: false } });
    expect((await services()).services.some((s) => s.id === service.id)).toBe(false);
  });

  describe("payment terms", () => {
    afterEach(async () => {
      vi.unstubAllEnvs();
      await getPrisma().practice.update({ where: { id: 1 }, data: { lateCancelWindowMinutes: 1440, lateCancelFeeCents: 0, noShowFeeCents: 0 } });
    });

    async function depositService() {
      const { service } = await createPractice();
      await getPrisma().service.update({ where: { id: service.id }, data: { priceCents: 11_000, paymentRule: "DEPOSIT", depositPercent: 25 } });
      await getPrisma().practice.upsert({ where: { id: 1 }, update: {}, create: { id: 1, name: "Test practice" } });
      await getPrisma().practice.update({ where: { id: 1 }, data: { lateCancelWindowMinutes: 1440, lateCancelFeeCents: 2500, noShowFeeCents: 4000 } });
      return service.id;
    }

    it("carries each service's rule, deposit and the practice's fees, and asks nothing online while online payment is off", async () => {
      vi.stubEnv("STRIPE_SECRET_KEY", "");
      const id = await depositService();
      expect((await services()).services.find((s) => s.id === id)?.payment).toEqual({
        rule: "DEPOSIT",
        depositCents: null,
        depositPercent: 25,
        online: { kind: "at-clinic" },
        fees: { lateCancelWindowMinutes: 1440, lateCancelFeeCents: 2500, noShowFeeCents: 4000 },
      });
    });
  });
});
