import { describe, expect, it, vi } from "vitest";
import { getPrisma } from "@/lib/db/client";

// Without Stripe keys online payment is off: the endpoint says so and writes nothing.
vi.hoisted(() => {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
});

const { POST } = await import("./route");

describe("POST /api/webhooks/stripe with online payment off", () => {
  it("answers 404 with what to configure", async () => {
    const before = await getPrisma().stripeEvent.count();
    const response = await POST(
      new Request("http://localhost:3000/api/webhooks/stripe", { method: "POST", headers: { "stripe-signature": "t=1,v1=00" }, body: JSON.stringify({ id: "evt_1", type: "customer.created" }) }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toMatch(/Online payment is not configured on this server: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET/);
    expect(await getPrisma().stripeEvent.count()).toBe(before);
  });
});
