import http from "node:http";
import type { APIResponse } from "@playwright/test";
import { bookThroughApi, findService, listLocations, openSlots } from "./fixtures/api";
import { expect, test } from "./fixtures/csp";
import { uniquePatient } from "./fixtures/patient";
import { signIn } from "./fixtures/staff";

// Input a client can send on purpose or by mistake: every answer is a 4xx
// whose JSON names the problem, never a 500.

const NIL = "00000000-0000-0000-0000-000000000000";
const range = "from=2026-12-01&to=2026-12-07";

async function expectRefused(response: APIResponse, status: number, message?: RegExp) {
  const text = await response.text();
  expect(response.status(), `${response.url()}: ${text}`).toBe(status);
  const body = JSON.parse(text) as { error: { code: string; message: string } };
  expect(body.error.message.length, response.url()).toBeGreaterThan(10);
  if (message) expect(body.error.message, response.url()).toMatch(message);
}

test("public routes answer bad input with 4xx and a message", async ({ request }) => {
  const service = (await findService(request, "therapy-session")).id;
  const outOfRange = /between 1900 and 2200/;
  await expectRefused(await request.get(`/api/availability?service=${service}&from=0000-01-01&to=0000-01-07`), 400, outOfRange);
  // A repeated parameter counts once (the last): no way around the check.
  await expectRefused(await request.get(`/api/availability?service=${service}&${range}&from=0000-01-01`), 400, outOfRange);
  await expectRefused(await request.get(`/api/availability?service=${service}&from=99999-01-01&to=99999-01-02`), 400);
  await expectRefused(await request.get(`/api/availability?service=%00&${range}`), 400, /NUL/);
  await expectRefused(await request.get(`/api/availability?service=${"x".repeat(5000)}&${range}`), 400);
  await expectRefused(await request.get("/api/therapists?service=%00"), 400, /NUL/);
  await expectRefused(await request.get("/api/therapists?location=not-a-location"), 400);
  await expectRefused(await request.get("/api/bookings/%ff%fe"), 400, /malformed/);
  await expectRefused(await request.get("/api/bookings/%00"), 400, /NUL/);
  await expectRefused(await request.get(`/api/bookings/${"a".repeat(10_000)}/ics`), 404);

  for (const body of ["[]", '"text"', "null", "1e999", '{"service":["a"],"start":1e999,"mode":{},"locationId":12,"patient":[]}']) {
    await expectRefused(await request.post("/api/bookings", { headers: { "content-type": "application/json" }, data: Buffer.from(body) }), 422);
  }
  await expectRefused(await request.post("/api/bookings", { headers: { "content-type": "application/json" }, data: Buffer.from('{"service":"a\\u0000"}') }), 400, /NUL/);
  await expectRefused(await request.post("/api/bookings", { headers: { "content-type": "application/json" }, data: Buffer.from("{not json") }), 400, /JSON/);
  const yearZero = await request.post("/api/bookings", {
    data: { service, start: "0000-01-01T09:00:00Z", mode: "CLINIC", locationId: NIL, patient: { ...uniquePatient("year-zero"), dateOfBirth: "0000-02-29" } },
  });
  await expectRefused(yearZero, 422, outOfRange);
  await expectRefused(await request.patch("/api/bookings/some-token", { data: { start: "0000-01-01T09:00:00Z" } }), 422, outOfRange);
  await expectRefused(await request.post("/api/visit/some-token/join", { data: { resume: [1, 2] } }), 422);

  await expectRefused(await request.get(`/api/video/participants/${NIL}?after=1e30`), 400);
  await expectRefused(await request.get(`/api/video/participants/${NIL}?after=abc`), 400);
  await expectRefused(await request.get("/api/video/participants/not-an-id"), 404);
  await expectRefused(await request.get("/api/video/participants/%ff"), 400, /malformed/);
  await expectRefused(await request.get("/%ff"), 400, /malformed/);

  for (const path of ["/visit/%00", "/en/manage/%00", "/en/visit/%00", "/en/book?service=%00"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeLessThan(500);
  }
});

test("staff routes answer bad input with 4xx and a message", async ({ page, request, baseURL }) => {
  const service = await findService(request, "therapy-session");
  const location = (await listLocations(request))[0]!;
  const slot = (await openSlots(request, { service, location, daysAhead: 14 }))[0]!;
  const booking = await bookThroughApi(request, { service, slot, patient: uniquePatient("bad-input") });
  await signIn(page, "admin@demo.stride.test");
  await expect(page).toHaveURL(/\/staff$/);
  const staff = page.request;
  const headers = { origin: baseURL! };
  const outOfRange = /between 1900 and 2200/;

  await expectRefused(await staff.get(`/api/staff/calendar?location=${location.id}&date=0000-01-01`), 400, outOfRange);
  await expectRefused(await staff.get(`/api/staff/calendar?location=${location.id}&date=2026-02-30`), 400, /real date/);
  await expectRefused(await staff.get(`/api/staff/calendar?location=${location.id}&date=2026-12-01&view=month`), 400);
  await expectRefused(await staff.get(`/api/staff/calendar?location=not-a-location&date=2026-12-01`), 400);
  // The search takes its term in a JSON body, never in the address.
  const search = (q: string) => staff.post("/api/staff/patients/search", { headers, data: { q } });
  await expectRefused(await search("0000-01-01"), 400, /from 1900/);
  await expectRefused(await search("01/01/0000"), 400, /from 1900/);
  await expectRefused(await search("\u0000abc"), 400, /NUL/);
  await expectRefused(await staff.get("/staff/audit?action=%00"), 400, /NUL/);
  await expectRefused(await search("a".repeat(500)), 422);

  const move = { start: "0000-01-01T09:00:00Z", therapistId: slot.therapistId };
  await expectRefused(await staff.patch(`/api/staff/appointments/${booking.id}`, { headers, data: move }), 422, outOfRange);
  await expectRefused(await staff.patch("/api/staff/appointments/not-an-id", { headers, data: move }), 404);
  const stale = { action: "cancel", expectedUpdatedAt: "0000-01-01T00:00:00Z" };
  await expectRefused(await staff.post(`/api/staff/appointments/${booking.id}/status`, { headers, data: stale }), 422);
  await expectRefused(await staff.post(`/api/staff/appointments/${booking.id}/status`, { headers, data: { action: ["cancel"] } }), 422);
  const newPatient = { ...uniquePatient("bad-input-new"), dateOfBirth: "0000-01-01" };
  const caller = { serviceId: service.id, locationId: location.id, therapistId: slot.therapistId, mode: "CLINIC", start: "0000-01-01T09:00:00Z", newPatient };
  await expectRefused(await staff.post("/api/staff/appointments", { headers, data: caller }), 422, outOfRange);

  // Pages read dates from their address too: a date they cannot show opens today, or asks again.
  for (const path of ["/staff/calendar?date=0000-01-01", "/staff/calendar?date=2026-13-45&view=week", "/staff/audit?to=9999-99-99"]) {
    expect((await page.goto(path))!.status(), path).toBe(200);
  }
  await page.goto("/staff/audit?from=0000-01-01");
  await expect(page.getByText("between 1900 and 2200")).toBeVisible();

  // The patients page's own search form gives the same answer.
  await page.goto("/staff/patients");
  await page.getByLabel("Find a patient").fill("0000-01-01");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText(/from 1900/)).toBeVisible();
});

/** A GET with a Host header of our choosing, which Playwright's client would correct. */
function getWithHost(baseURL: string, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(path, baseURL), { headers: { host } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (part: string) => (body += part));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", reject);
  });
}

test("a Host header no address can be built from answers 400", async ({ baseURL }) => {
  for (const host of ["a b", "[::1", "localhost:99999", "clinic.example/path"]) {
    const answer = await getWithHost(baseURL!, "/staff", host);
    expect(answer.status, `Host: ${host}`).toBe(400);
    expect(answer.body).toContain("Host header is malformed");
  }
  expect((await getWithHost(baseURL!, "/staff", `${new URL(baseURL!).host}`)).status).toBe(307);
});
