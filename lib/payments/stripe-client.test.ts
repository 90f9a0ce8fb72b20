import { createServer, type IncomingHttpHeaders } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The official SDK, built from the environment, really reaches the address
// STRIPE_API_BASE names, with the secret key as its bearer token.
const server = { port: 0 };
let seen: { method?: string; url?: string; headers: IncomingHttpHeaders } | null = null;
const http = createServer((req, res) => {
  seen = { method: req.method, url: req.url, headers: req.headers };
  res.writeHead(200, { "Content-Type": "application/json" });
  res.end(JSON.stringify({ id: "cus_test", object: "customer", email: "a@example.com" }));
});

beforeAll(async () => {
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  server.port = (http.address() as { port: number }).port;
  process.env.STRIPE_SECRET_KEY = "sk_test_client0123456789";
  process.env.STRIPE_WEBHOOK_SECRET = "whsec_client0123456789";
  process.env.STRIPE_API_BASE = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => http.close(() => resolve()));
});

describe("stripeClient", () => {
  it("sends the SDK's requests to STRIPE_API_BASE with the secret key", async () => {
    const { stripeClient } = await import("./stripe-client");
    const { isOnlinePaymentOn, paymentsConfig } = await import("./config");
    expect(isOnlinePaymentOn()).toBe(true);
    expect(paymentsConfig()?.apiBase?.port).toBe(String(server.port));
    const customer = await stripeClient().customers.create({ email: "a@example.com" });
    expect(customer.id).toBe("cus_test");
    expect(seen).toMatchObject({ method: "POST", url: "/v1/customers", headers: { authorization: "Bearer sk_test_client0123456789" } });
  });
});
