import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { findService, listLocations, openSlots } from "./fixtures/api";
import { DEMO_PASSWORD } from "./fixtures/staff";

// Who may open what, asked over HTTP as each kind of visitor: nobody signed
// in, a patient holding their manage link, a therapist, the front desk and an
// administrator. Pages answer 200, 404 (a role that may not see them) or send
// to sign-in; staff API routes answer 401, 403 or get past the gate (a 422
// for an empty body shows the request reached validation).

type Who = "anonymous" | "patient" | "therapist" | "frontDesk" | "admin";
const ACCOUNTS: Record<Exclude<Who, "anonymous" | "patient">, string> = {
  therapist: "dana@demo.stride.test",
  frontDesk: "frontdesk@demo.stride.test",
  admin: "admin@demo.stride.test",
};

async function contextFor(browser: Browser, who: Who, baseURL: string) {
  // Every call comes from the app's own origin, as the pages' own would: this spec is about roles.
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  if (who in ACCOUNTS) {
    const page = await context.newPage();
    await page.goto("/staff/sign-in");
    await page.getByLabel("Email").fill(ACCOUNTS[who as keyof typeof ACCOUNTS]);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/staff$/);
    await page.close();
  }
  return context;
}

const PAGES: [string, Record<Exclude<Who, "anonymous" | "patient">, 200 | 404>][] = [
  ["/staff", { therapist: 200, frontDesk: 200, admin: 200 }],
  ["/staff/calendar", { therapist: 404, frontDesk: 200, admin: 200 }],
  ["/staff/follow-up", { therapist: 404, frontDesk: 200, admin: 200 }],
  ["/staff/today", { therapist: 200, frontDesk: 404, admin: 404 }],
  ["/staff/patients", { therapist: 200, frontDesk: 200, admin: 200 }],
  ["/staff/exercises", { therapist: 200, frontDesk: 200, admin: 200 }],
  ["/staff/schedules", { therapist: 404, frontDesk: 200, admin: 200 }],
  ["/staff/reports", { therapist: 404, frontDesk: 404, admin: 200 }],
  ["/staff/audit", { therapist: 404, frontDesk: 404, admin: 200 }],
  ["/staff/admin/staff", { therapist: 404, frontDesk: 404, admin: 200 }],
  ["/staff/data", { therapist: 404, frontDesk: 404, admin: 200 }],
  ["/staff/outbox", { therapist: 404, frontDesk: 404, admin: 200 }],
  ["/staff/settings/locations", { therapist: 404, frontDesk: 404, admin: 200 }],
  ["/staff/settings/locations/new", { therapist: 404, frontDesk: 404, admin: 200 }],
  ["/staff/settings/services", { therapist: 404, frontDesk: 404, admin: 200 }],
  ["/staff/settings/services/new", { therapist: 404, frontDesk: 404, admin: 200 }],
  ["/staff/settings", { therapist: 404, frontDesk: 404, admin: 200 }],
  ["/staff/settings/reasons", { therapist: 404, frontDesk: 404, admin: 200 }],
  ["/staff/settings/therapists", { therapist: 404, frontDesk: 404, admin: 200 }],
  ["/staff/settings/therapists/new", { therapist: 404, frontDesk: 404, admin: 200 }],
];

/** Pages about one record, reached with an id learnt during the test. */
const therapistSettingsPage = (therapistId: string): [string, Record<Exclude<Who, "anonymous" | "patient">, 200 | 404>] => [
  `/staff/settings/therapists/${therapistId}`,
  { therapist: 404, frontDesk: 404, admin: 200 },
];

/** A patient of Luis Carrillo's only, booked through the public API, with the manage token. */
async function luisPatient(request: APIRequestContext) {
  const service = await findService(request, "therapy-session");
  const westside = (await listLocations(request)).find((l) => l.slug === "el-paso-westside")!;
  const { therapists } = (await (await request.get(`/api/therapists?location=${westside.id}`)).json()) as { therapists: { id: string; slug: string }[] };
  const luis = therapists.find((t) => t.slug === "luis-carrillo")!.id;
  const slot = (await openSlots(request, { service, location: westside, daysAhead: 9 })).find((s) => s.therapistId === luis) ?? (await openSlots(request, { service, location: westside, daysAhead: 16 }))[0]!;
  const email = `matrix.${Date.now()}@example.com`;
  const response = await request.post("/api/bookings", {
    data: { service: service.id, start: slot.start, mode: "CLINIC", locationId: westside.id, therapistId: slot.therapistId, patient: { firstName: "Matrix", lastName: "Patient", email, phone: "+1 915 555 0142", dateOfBirth: "1992-03-04" } },
  });
  expect(response.status(), await response.text()).toBe(201);
  const booking = (await response.json()) as { id: string; manageToken: string; therapistId: string };
  return { ...booking, email, locationId: westside.id };
}

test("every staff page and staff API route lets in exactly the roles it should", async ({ browser, baseURL, request }) => {
  // Five kinds of visitor open every page and call every route: well over the default minute on a busy machine.
  test.setTimeout(180_000);
  const booking = await luisPatient(request);
  const service = await findService(request, "free-screening");
  const contexts = Object.fromEntries(
    await Promise.all((["anonymous", "patient", "therapist", "frontDesk", "admin"] as Who[]).map(async (who) => [who, await contextFor(browser, who, baseURL!)] as const)),
  ) as Record<Who, Awaited<ReturnType<typeof contextFor>>>;

  // The admin looks the patient up to learn the id the others will reach for.
  const found = await contexts.admin.request.post("/api/staff/patients/search", { data: { q: booking.email } });
  expect(found.status()).toBe(200);
  const patientId = ((await found.json()) as { patients: { id: string }[] }).patients[0]!.id;

  for (const who of ["anonymous", "patient"] as const) {
    const page = await contexts[who].newPage();
    if (who === "patient") {
      // Holding a manage link opens that booking and nothing of the staff area.
      expect((await contexts.patient.request.get(`/api/bookings/${booking.manageToken}`)).status()).toBe(200);
    }
    for (const [path] of [...PAGES, therapistSettingsPage(booking.therapistId), [`/staff/patients/${patientId}`], [`/staff/settings/services/${service.id}`]]) {
      await page.goto(path as string);
      await expect(page, `${who} at ${path}`).toHaveURL(/\/staff\/sign-in\?reason=signed-out/);
    }
    await page.close();
  }

  // The first-run setup page needs no account, only a live link; once the
  // practice has an administrator, no link is live, whoever asks.
  for (const who of ["anonymous", "patient", "therapist", "frontDesk", "admin"] as const) {
    const page = await contexts[who].newPage();
    await page.goto(`/setup/${"x".repeat(43)}`);
    await expect(page.getByRole("heading", { level: 1, name: "This setup link cannot be used" }), `${who} at /setup`).toBeVisible();
    await expect(page.locator("form"), `${who} at /setup`).toHaveCount(0);
    await page.close();
  }

  const locationPage: (typeof PAGES)[number] = [`/staff/settings/locations/${booking.locationId}`, { therapist: 404, frontDesk: 404, admin: 200 }];
  for (const who of ["therapist", "frontDesk", "admin"] as const) {
    const page = await contexts[who].newPage();
    for (const [path, expected] of [...PAGES, locationPage, therapistSettingsPage(booking.therapistId)]) {
      const response = await page.goto(path);
      expect(response?.status(), `${who} at ${path}`).toBe(expected[who]);
    }
    const servicePage = await page.goto(`/staff/settings/services/${service.id}`);
    expect(servicePage?.status(), `${who} at a service's settings page`).toBe(who === "admin" ? 200 : 404);
    const profile = await page.goto(`/staff/patients/${patientId}`);
    // Dana has never seen Luis's patient: the profile does not exist for her.
    expect(profile?.status(), `${who} at the profile`).toBe(who === "therapist" ? 404 : 200);
    await page.close();
  }

  const api: { name: string; call: (r: APIRequestContext) => ReturnType<APIRequestContext["get"]>; expect: Record<Who, number> }[] = [
    {
      name: "GET calendar",
      call: (r) => r.get(`/api/staff/calendar?location=${booking.locationId}&date=2026-12-01&view=day`),
      expect: { anonymous: 401, patient: 401, therapist: 403, frontDesk: 200, admin: 200 },
    },
    {
      name: "GET a visit's details for the calendar's panel",
      call: (r) => r.get(`/api/staff/calendar/visits/${booking.id}`),
      expect: { anonymous: 401, patient: 401, therapist: 403, frontDesk: 200, admin: 200 },
    },
    {
      name: "POST appointment",
      call: (r) => r.post("/api/staff/appointments", { data: {} }),
      expect: { anonymous: 401, patient: 401, therapist: 403, frontDesk: 422, admin: 422 },
    },
    {
      name: "PATCH appointment",
      call: (r) => r.patch(`/api/staff/appointments/${booking.id}`, { data: {} }),
      expect: { anonymous: 401, patient: 401, therapist: 403, frontDesk: 422, admin: 422 },
    },
    {
      name: "POST status of a colleague's visit",
      call: (r) => r.post(`/api/staff/appointments/${booking.id}/status`, { data: { action: "no-show" } }),
      // The desk reaches it (and is told a future visit is no no-show); Dana is told it does not exist.
      expect: { anonymous: 401, patient: 401, therapist: 404, frontDesk: 409, admin: 409 },
    },
    {
      name: "POST patient search",
      call: (r) => r.post("/api/staff/patients/search", { data: { q: booking.email } }),
      expect: { anonymous: 401, patient: 401, therapist: 403, frontDesk: 200, admin: 200 },
    },
    {
      name: "POST patient search without a term",
      call: (r) => r.post("/api/staff/patients/search", { data: { query: booking.email } }),
      expect: { anonymous: 401, patient: 401, therapist: 403, frontDesk: 422, admin: 422 },
    },
    {
      name: "GET patient search (the term may not travel in the address)",
      call: (r) => r.get(`/api/staff/patients/search?q=${encodeURIComponent(booking.email)}`),
      expect: { anonymous: 405, patient: 405, therapist: 405, frontDesk: 405, admin: 405 },
    },
    {
      name: "GET video waiting room",
      call: (r) => r.get("/api/staff/visits/waiting"),
      // Therapists and admins hold video visits; the desk books them but does not enter.
      expect: { anonymous: 401, patient: 401, therapist: 200, frontDesk: 403, admin: 200 },
    },
    {
      name: "POST join a colleague's clinic visit by video",
      call: (r) => r.post(`/api/staff/visits/${booking.id}/join`, { data: {} }),
      expect: { anonymous: 401, patient: 401, therapist: 404, frontDesk: 403, admin: 404 },
    },
    {
      name: "POST admit",
      call: (r) => r.post(`/api/staff/visits/${booking.id}/admit`, { data: {} }),
      expect: { anonymous: 401, patient: 401, therapist: 422, frontDesk: 403, admin: 422 },
    },
    {
      name: "POST patient import preview of an empty file",
      call: (r) => r.post("/api/staff/data/import/patients?step=preview", { data: "", headers: { "content-type": "text/csv" } }),
      // The admin reaches the file check, which refuses an empty file.
      expect: { anonymous: 401, patient: 401, therapist: 403, frontDesk: 403, admin: 400 },
    },
    {
      name: "POST patient import of an empty file",
      call: (r) => r.post("/api/staff/data/import/patients?step=import", { data: "", headers: { "content-type": "text/csv" } }),
      expect: { anonymous: 401, patient: 401, therapist: 403, frontDesk: 403, admin: 400 },
    },
    {
      name: "POST appointment import of an empty file",
      call: (r) => r.post("/api/staff/data/import/appointments?step=import", { data: "", headers: { "content-type": "text/csv" } }),
      expect: { anonymous: 401, patient: 401, therapist: 403, frontDesk: 403, admin: 400 },
    },
    {
      name: "GET patient export",
      call: (r) => r.get("/api/staff/data/export/patients"),
      expect: { anonymous: 401, patient: 401, therapist: 403, frontDesk: 403, admin: 200 },
    },
    {
      name: "GET appointment export",
      call: (r) => r.get("/api/staff/data/export/appointments"),
      expect: { anonymous: 401, patient: 401, therapist: 403, frontDesk: 403, admin: 200 },
    },
  ];
  for (const route of api) {
    for (const who of Object.keys(contexts) as Who[]) {
      const response = await route.call(contexts[who].request);
      expect(response.status(), `${who}: ${route.name}`).toBe(route.expect[who]);
    }
  }
  // A manage token is no staff credential, whatever header it comes in.
  const asBearer = await request.get(`/api/staff/calendar?location=${booking.locationId}&date=2026-12-01&view=day`, { headers: { authorization: `Bearer ${booking.manageToken}` } });
  expect(asBearer.status()).toBe(401);

  await Promise.all(Object.values(contexts).map((c) => c.close()));
});
