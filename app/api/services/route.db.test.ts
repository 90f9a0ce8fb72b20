import { describe, expect, it } from "vitest";
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
});
