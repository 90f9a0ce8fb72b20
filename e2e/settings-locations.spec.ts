import path from "node:path";
import { randomUUID } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DateTime } from "luxon";
import type { AvailabilityDto } from "@/lib/booking/api-types";
import { embeddedDatabaseUrl } from "../lib/db/embedded-credentials";
import { withDatabase } from "../test/video-practice";
import { expectNoAxeViolations } from "./fixtures/axe";
import { signIn } from "./fixtures/staff";

// The admin works by keyboard alone: fields are typed into, buttons and
// links pressed with Enter, boxes ticked with Space. The location made here
// is the test's own; it is closed again at the end (nothing is deleted).

const ADMIN = "admin@demo.stride.test";
const slot = Number(process.env.E2E_SLOT ?? 0);
const databaseUrl = () => embeddedDatabaseUrl(path.resolve(".data", `e2e-${slot}`, "pg"), 55000 + slot * 10);

async function press(target: Locator, key = "Enter") {
  await target.focus();
  await target.press(key);
}

/** A therapist working every day, all day, at the location, with a service of their own. */
async function staffLocation(locationId: string, tag: string) {
  return withDatabase(databaseUrl(), async (db) => {
    const one = async (sql: string, values: unknown[]) => (await db.query<{ id: string }>(sql, values)).rows[0]!.id;
    const therapistId = await one(
      `INSERT INTO "Therapist" ("slug", "firstName", "lastName", "credentials", "visitModes", "languages", "updatedAt")
       VALUES ($1, 'Rosa', $2, 'PT', '{CLINIC}', '{en}', now()) RETURNING "id"`,
      [`rosa-${tag}`, `Quintana-${tag}`],
    );
    const serviceId = await one(
      `INSERT INTO "Service" ("slug", "nameEn", "nameEs", "durationMinutes", "priceCents", "currency", "visitModes", "minNoticeMinutes", "sortOrder", "updatedAt")
       VALUES ($1, $2, $3, 30, 9000, 'USD', '{CLINIC}', 0, 97, now()) RETURNING "id"`,
      [`gait-lab-${tag}`, `Gait lab session ${tag}`, `Laboratorio de marcha ${tag}`],
    );
    await db.query(`INSERT INTO "TherapistLocation" ("therapistId", "locationId") VALUES ($1, $2)`, [therapistId, locationId]);
    await db.query(`INSERT INTO "TherapistService" ("therapistId", "serviceId") VALUES ($1, $2)`, [therapistId, serviceId]);
    for (let weekday = 1; weekday <= 7; weekday++) {
      await db.query(
        `INSERT INTO "WeeklyHours" ("therapistId", "locationId", "weekday", "startMinute", "endMinute", "visitModes") VALUES ($1, $2, $3, 0, 1440, '{CLINIC}')`,
        [therapistId, locationId, weekday],
      );
    }
    return { therapistId, serviceId };
  });
}

async function retire(ids: { locationId: string; therapistId?: string; serviceId?: string }) {
  await withDatabase(databaseUrl(), async (db) => {
    if (ids.serviceId) await db.query(`UPDATE "Service" SET "active" = false WHERE "id" = $1`, [ids.serviceId]);
    if (ids.therapistId) await db.query(`UPDATE "Therapist" SET "active" = false WHERE "id" = $1`, [ids.therapistId]);
    await db.query(`UPDATE "Location" SET "active" = false WHERE "id" = $1`, [ids.locationId]);
  });
}

async function roomRegion(page: Page, name: string) {
  return page.getByRole("region", { name: new RegExp(`^${name} \\(`) });
}

test("the admin adds a location with a room, and closing a room with a booked visit lists it and saves only when confirmed", async ({ page, request }) => {
  const tag = randomUUID().slice(0, 8);
  const name = `Mesa Street clinic ${tag}`;
  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto("/staff/settings/locations");
  await expect(page.getByRole("heading", { level: 1, name: "Locations" })).toBeVisible();
  await expectNoAxeViolations(page, "the locations list");

  await press(page.getByRole("link", { name: "Add a location" }));
  await expect(page.getByRole("heading", { level: 1, name: "Add a location" })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Street address").fill("4100 Mesa St");
  await page.getByLabel("City").fill("El Paso");
  await page.getByLabel("State or region").fill("TX");
  await page.getByLabel("Postal code", { exact: true }).fill("79902");
  await page.getByLabel("Time zone").fill("Mars/Olympus");
  await press(page.getByRole("button", { name: "Add location" }));
  await expect(page.getByRole("group", { name: "Please check:" })).toBeFocused();
  await expect(page.getByRole("link", { name: "Choose a time zone from the list, e.g. America/Denver." })).toBeVisible();
  await expectNoAxeViolations(page, "the new-location form with an error");

  await page.getByLabel("Time zone").fill("America/Denver");
  await press(page.getByRole("button", { name: "Add location" }));
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("Open for booking · clock: America/Denver")).toBeVisible();
  const locationId = page.url().split("/").pop()!;

  await page.getByLabel("New room’s name").fill("Gait lab");
  await page.getByLabel("Visits it holds at once").fill("1");
  await press(page.getByRole("button", { name: "Add room" }));
  await expect(page.getByRole("status").filter({ hasText: "Added Gait lab." })).toBeFocused();
  const room = await roomRegion(page, "Gait lab");
  await expect(room.getByRole("heading", { name: "Gait lab (open, 1 at once)" })).toBeVisible();
  await expectNoAxeViolations(page, "a location's page");

  await press(page.getByRole("link", { name: "All locations" }));
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("America/Denver");
  await expect(row).toContainText("1 of 1");
  await expect(row).toContainText("Open");

  // A therapist there, and a patient booked online into the one room.
  const staffed = await staffLocation(locationId, tag);
  try {
    const day = DateTime.now().setZone("America/Denver").plus({ days: 2 }).toISODate()!;
    const availability = await request.get(`/api/availability?${new URLSearchParams({ service: staffed.serviceId, location: locationId, mode: "CLINIC", from: day, to: day })}`);
    expect(availability.status(), await availability.text()).toBe(200);
    const open = ((await availability.json()) as AvailabilityDto).slots[0]!;
    const booked = await request.post("/api/bookings", {
      data: {
        service: staffed.serviceId,
        start: open.start,
        mode: "CLINIC",
        locationId,
        therapistId: open.therapistId,
        patient: { firstName: "Marisol", lastName: `Gait-${tag}`, email: `marisol.${tag}@example.com`, phone: "+1 915 555 0177", dateOfBirth: "1988-06-01" },
      },
    });
    expect(booked.status(), await booked.text()).toBe(201);

    await press(row.getByRole("link", { name }));
    const gaitLab = await roomRegion(page, "Gait lab");
    await press(gaitLab.getByRole("checkbox", { name: "Open for booking" }), "Space");
    await press(gaitLab.getByRole("button", { name: "Save room Gait lab" }));
    const warning = gaitLab.getByRole("heading", { name: "1 booked visit is in Gait lab" });
    await expect(warning).toBeFocused();
    await expect(gaitLab).toContainText(`Marisol Gait-${tag}`);
    await expectNoAxeViolations(page, "the closed-room warning");

    // Going back saves nothing.
    await press(gaitLab.getByRole("button", { name: "Go back" }));
    await page.reload();
    await expect((await roomRegion(page, "Gait lab")).getByRole("heading", { name: "Gait lab (open, 1 at once)" })).toBeVisible();

    const again = await roomRegion(page, "Gait lab");
    await press(again.getByRole("checkbox", { name: "Open for booking" }), "Space");
    await press(again.getByRole("button", { name: "Save room Gait lab" }));
    await press(again.getByRole("button", { name: "Save anyway" }));
    await expect(again.getByRole("status")).toContainText("Saved Gait lab. 1 visit is still booked there");
    await expect(again.getByRole("heading", { name: "Gait lab (closed)" })).toBeVisible();

    // The visit stays booked; the closed room takes no more clinic visits.
    const after = await request.get(`/api/availability?${new URLSearchParams({ service: staffed.serviceId, location: locationId, mode: "CLINIC", from: day, to: day })}`);
    expect(((await after.json()) as AvailabilityDto).slots).toEqual([]);
  } finally {
    await retire({ locationId, ...staffed });
  }
});
