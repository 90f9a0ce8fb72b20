import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { bookThroughApi, findService, listLocations, openSlots, readBooking } from "./fixtures/api";
import { expect, test } from "./fixtures/csp";
import { uniquePatient } from "./fixtures/patient";
import { sendBody, type Sent } from "./fixtures/send-body";
import { FRONT_DESK, SHORT_IDLE_BASE, signIn } from "./fixtures/staff";

// What the server does with hostile HTTP: bodies too large to hold, writes
// from other sites, and inputs that once made it answer 500. Asked over real
// HTTP of the app's own server, whose memory is read from /proc.

const MB = 1024 * 1024;

/** The pid of the process listening on the app's port. */
function serverPid(baseURL: string): number {
  const port = new URL(baseURL).port;
  const listening = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
  const pid = /pid=(\d+)/.exec(listening)?.[1];
  if (!pid) throw new Error(`Nothing listens on port ${port}:\n${listening}`);
  return Number(pid);
}

function rssBytes(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kb) * 1024;
}

test("bodies too large are refused with 413 before they are read, and the server's memory stays flat", async ({ baseURL }) => {
  const origin = baseURL!;
  const pid = serverPid(origin);
  const before = rssBytes(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(pid))), 25);

  const large: { path: string; chunked: boolean; headers?: Record<string, string> }[] = [
    { path: "/api/visit/some-token/join", chunked: false },
    { path: "/api/visit/some-token/join", chunked: true },
    { path: "/api/bookings", chunked: true },
    { path: "/api/staff/appointments", chunked: false, headers: { origin } },
    { path: "/staff/sign-in", chunked: false, headers: { origin, "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" } },
    { path: "/api/auth/callback/credentials", chunked: true, headers: { "content-type": "application/x-www-form-urlencoded" } },
  ];
  const answers: Sent[] = [];
  try {
    // Four at once, as an attacker would send them.
    for (let i = 0; i < large.length; i += 4) {
      answers.push(...(await Promise.all(large.slice(i, i + 4).map((r) => sendBody(origin, r.path, 60 * MB, r)))));
    }
  } finally {
    clearInterval(sampler);
  }
  expect(peak - before, `RSS grew from ${Math.round(before / MB)} MB to ${Math.round(peak / MB)} MB`).toBeLessThan(100 * MB);
  for (const [i, answer] of answers.entries()) {
    const r = large[i]!;
    expect(answer.status, `${r.path} ${r.chunked ? "chunked" : "with Content-Length"}: ${answer.body}`).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE", message: expect.stringMatching(/larger than/) } });
  }

  // Under the server's bound but over the API's 64 KB: the route refuses it, declared or chunked.
  for (const chunked of [false, true]) {
    const answer = await sendBody(origin, "/api/visit/some-token/join", 100 * 1024, { chunked });
    expect(answer.status, answer.body).toBe(413);
    expect(answer.body).toContain("64 KB");
  }

  // The server still answers.
  const after = await sendBody(origin, "/api/visit/some-token/join", 2, { chunked: false });
  expect(after.status).toBe(404);
});

test("staff writes from another site or without an Origin are refused before anything else; the app's own still work", async ({ page, request, baseURL }) => {
  const service = await findService(request, "therapy-session");
  const location = (await listLocations(request))[0]!;
  const slot = (await openSlots(request, { service, location, daysAhead: 12 }))[0]!;
  const booking = await bookThroughApi(request, { service, slot, patient: uniquePatient("csrf") });

  await signIn(page, FRONT_DESK);
  await expect(page).toHaveURL(/\/staff$/);
  const cancel = `/api/staff/appointments/${booking.id}/status`;
  const body = JSON.stringify({ action: "cancel", reason: "forged" });

  // What a page on another site (even a sibling subdomain, where the cookie still travels) can send.
  const forged = await page.request.post(cancel, { headers: { origin: "http://evil.localhost:9999", "content-type": "text/plain" }, data: body });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error.message).toMatch(/another site/);
  const bare = await page.request.post(cancel, { headers: { "content-type": "text/plain" }, data: body });
  expect(bare.status()).toBe(403);
  expect((await bare.json()).error.message).toMatch(/Origin header is missing/);
  // From our own origin, a body not sent as JSON is still refused.
  const plain = await page.request.post(cancel, { headers: { origin: baseURL!, "content-type": "text/plain" }, data: body });
  expect(plain.status()).toBe(415);
  expect((await readBooking(request, booking.manageToken)).status).toBe("BOOKED");

  // A server action (here sign-in) without an Origin is refused the same way.
  const action = await page.request.post("/staff/sign-in", { headers: { "next-action": "0".repeat(42) }, data: "[]" });
  expect(action.status()).toBe(403);

  const own = await page.request.post(cancel, { headers: { origin: baseURL! }, data: { action: "cancel", reason: "Caller asked" } });
  expect(own.status(), await own.text()).toBe(200);
  expect((await readBooking(request, booking.manageToken)).status).toBe("CANCELLED");
});

test("every kind of page carries a nonce-based Content-Security-Policy its scripts obey, and camera rights only in video rooms", async ({ page, request }) => {
  const service = await findService(request, "therapy-session");
  const location = (await listLocations(request))[0]!;
  const slot = (await openSlots(request, { service, location, daysAhead: 13 }))[0]!;
  const booking = await bookThroughApi(request, { service, slot, patient: uniquePatient("csp") });

  const nonces = new Set<string>();
  async function open(path: string, camera: boolean) {
    const response = (await page.goto(path))!;
    const policy = response.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce, `${path}: ${policy}`).toBeTruthy();
    nonces.add(nonce!);
    for (const directive of ["'strict-dynamic'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) expect(policy, path).toContain(directive);
    expect(policy, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const script of scripts) expect(script, path).toContain(`nonce="${nonce}"`);
    expect(response.headers()["permissions-policy"], path).toContain(camera ? "camera=(self), microphone=(self)" : "camera=(), microphone=()");
    expect(response.headers()["strict-transport-security"], path).toBeUndefined();
    await page.waitForLoadState("networkidle");
  }

  await open("/en", false);
  await open("/en/book", false);
  await open(`/en/manage/${booking.manageToken}`, false);
  await open("/en/visit/not-a-real-link", true);
  await signIn(page, FRONT_DESK);
  await expect(page).toHaveURL(/\/staff$/);
  await open("/staff/calendar", false);
  await expect(page.locator("[data-therapist-column]").first()).toBeVisible();
  await open(`/staff/visit/${booking.id}`, true);
  expect(nonces.size, "a fresh nonce per page").toBe(6);
});

test("HSTS is sent only when a trusted proxy says the request came over https", async ({ request }) => {
  // This server trusts no proxy: a client's own X-Forwarded-Proto counts for nothing.
  const direct = await request.get("/en", { headers: { "x-forwarded-proto": "https" } });
  expect(direct.headers()["strict-transport-security"]).toBeUndefined();
  // The second server sits behind one trusted proxy (TRUST_PROXY_HOPS=1).
  const proxied = await request.get(`${SHORT_IDLE_BASE}/en`, { headers: { "x-forwarded-proto": "https" } });
  expect(proxied.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  const plainProxied = await request.get(`${SHORT_IDLE_BASE}/en`, { headers: { "x-forwarded-proto": "http" } });
  expect(plainProxied.headers()["strict-transport-security"]).toBeUndefined();
});
