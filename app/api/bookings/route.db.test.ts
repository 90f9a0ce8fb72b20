import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createPractice, patientInput } from "@/test/fixtures";
import { getPrisma } from "@/lib/db/client";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";
import { GET as availability } from "../availability/route";
import { GET as calendarFile } from "./[token]/ics/route";
import { DELETE, GET, PATCH } from "./[token]/route";
import { POST } from "./route";

// The route handlers as a client meets them: status codes, bodies, headers.

function request(path: string, init: { method?: string; body?: unknown; raw?: string; address?: string } = {}) {
  return new Request(`http://localhost:3000${path}`, {
    method: init.method ?? "GET",
    headers: { "content-type": "application/json", [CLIENT_ADDRESS_HEADER]: init.address ?? `10.0.0.${Math.floor(Math.random() * 250)}` },
    body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
}
const noParams = { params: Promise.resolve({}) };
const tokenParams = (token: string) => ({ params: Promise.resolve({ token }) });

async function rowCounts() {
  const prisma = getPrisma();
  return { appointments: await prisma.appointment.count(), patients: await prisma.patient.count() };
}

function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe("POST /api/bookings", () => {
  it("answers 422 with per-field messages and writes nothing", async () => {
    const before = await rowCounts();
    const response = await POST(request("/api/bookings", { method: "POST", body: { service: "therapy", patient: { email: "not-an-email" } } }), noParams);
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(body.error.fields["patient.email"]).toBe("Enter a valid email address.");
    expect(body.error.fields["start"]).toMatch(/Choose a time/);
    expect(await rowCounts()).toEqual(before);
  });

  it("answers 400 to a body that is not JSON", async () => {
    const response = await POST(request("/api/bookings", { method: "POST", raw: "{nope" }), noParams);
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe("The request body must be JSON.");
  });

  it("limits booking writes per client address, with Retry-After", async () => {
    const address = `192.0.2.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 4)}`;
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const response = await POST(request("/api/bookings", { method: "POST", body: {}, address }), noParams);
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, 20).every((s) => s === 422)).toBe(true);
    expect(statuses[20]).toBe(429);
    // Another address is not held back.
    expect((await POST(request("/api/bookings", { method: "POST", body: {} }), noParams)).status).toBe(422);
  });
});

describe("the booking lifecycle over HTTP", () => {
  it("finds a time, books it, reads it, moves it, exports it and cancels it", async () => {
    const practice = await createPractice({ timeZone: "America/Denver" });
    const from = daysFromNow(2);
    const avail = await availability(request(`/api/availability?service=${practice.service.slug}&from=${from}&to=${from}&location=${practice.location.id}`), noParams);
    expect(avail.status).toBe(200);
    const { timeZone, slots } = await avail.json();
    expect(timeZone).toBe("America/Denver");
    expect(slots[0].start).toMatch(/^\d{4}-\d{2}-\d{2}T08:00:00-0[67]:00$/);

    const created = await POST(
      request("/api/bookings", {
        method: "POST",
        body: { service: practice.service.slug, start: slots[0].start, mode: "CLINIC", locationId: practice.location.id, patient: patientInput(), language: "es" },
      }),
      noParams,
    );
    expect(created.status).toBe(201);
    const booking = await created.json();
    expect(booking.manageUrl).toContain(`/es/manage/${booking.manageToken}`);
    expect(booking.joinUrl).toBeNull();

    const again = await POST(
      request("/api/bookings", {
        method: "POST",
        body: { service: practice.service.slug, start: slots[0].start, mode: "CLINIC", locationId: practice.location.id, patient: patientInput() },
      }),
      noParams,
    );
    expect(again.status).toBe(409);
    const conflict = await again.json();
    expect(conflict.error.code).toBe("SLOT_TAKEN");
    expect(conflict.alternatives.length).toBeGreaterThan(0);

    const read = await GET(request(`/api/bookings/${booking.manageToken}`), tokenParams(booking.manageToken));
    expect(read.status).toBe(200);
    expect((await read.json()).language).toBe("es");

    const moved = await PATCH(request(`/api/bookings/${booking.manageToken}`, { method: "PATCH", body: { start: slots[8].start } }), tokenParams(booking.manageToken));
    expect(moved.status).toBe(200);
    expect((await moved.json()).start).toBe(slots[8].start);

    const ics = await calendarFile(request(`/api/bookings/${booking.manageToken}/ics`), tokenParams(booking.manageToken));
    expect(ics.headers.get("content-type")).toContain("text/calendar");
    const text = await ics.text();
    expect(text).toContain(`DTSTART:${new Date(slots[8].start).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "")}`);

    const cancelled = await DELETE(request(`/api/bookings/${booking.manageToken}`, { method: "DELETE", body: { reason: "Mejor" } }), tokenParams(booking.manageToken));
    expect(cancelled.status).toBe(200);
    expect((await cancelled.json()).status).toBe("CANCELLED");
  });

  it("answers a re-sent form with the same booking and link, and refuses its key with another body", async () => {
    const practice = await createPractice();
    const from = daysFromNow(3);
    const avail = await availability(request(`/api/availability?service=${practice.service.slug}&from=${from}&to=${from}&location=${practice.location.id}`), noParams);
    const { slots } = await avail.json();
    const body = {
      service: practice.service.slug,
      start: slots[0].start,
      mode: "CLINIC",
      locationId: practice.location.id,
      patient: patientInput(),
      idempotencyKey: randomUUID(),
    };
    const first = await POST(request("/api/bookings", { method: "POST", body }), noParams);
    expect(first.status).toBe(201);
    const booked = await first.json();

    const resent = await POST(request("/api/bookings", { method: "POST", body, address: "10.0.1.7" }), noParams);
    expect(resent.status).toBe(201);
    expect(await resent.json()).toEqual(booked);
    expect((await GET(request(`/api/bookings/${booked.manageToken}`), tokenParams(booked.manageToken))).status).toBe(200);

    const other = await POST(request("/api/bookings", { method: "POST", body: { ...body, start: slots[1].start, patient: patientInput() } }), noParams);
    expect(other.status).toBe(422);
    const refused = await other.json();
    expect(refused.error.code).toBe("FORM_ALREADY_USED");
    expect(refused.error.message).toMatch(/already used/);
    expect(await getPrisma().appointment.count({ where: { locationId: practice.location.id } })).toBe(1);
  });

  it("answers 400 to a malformed availability query and 404 to an unknown service", async () => {
    const bad = await availability(request("/api/availability?service=x&from=2026-02-30&to=2026-03-01"), noParams);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.from).toBe("That is not a real date.");
    const unknown = await availability(request(`/api/availability?service=no-such-service&from=${daysFromNow(1)}&to=${daysFromNow(2)}`), noParams);
    expect(unknown.status).toBe(404);
  });
});

describe("video visits over HTTP", () => {
  const joinPath = /\/visit\/[A-Za-z0-9_-]{43}$/;

  it("finds video times across every location and books one: 201 with a join link, no room and no address", async () => {
    const practice = await createPractice({
      timeZone: "America/Denver",
      therapists: 2,
      rooms: [{ name: "Room 1", capacity: 1 }],
      service: { visitModes: ["CLINIC", "VIDEO"] },
      hours: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], startMinute: 8 * 60, endMinute: 18 * 60, visitModes: ["CLINIC", "VIDEO"] }],
    });
    const from = daysFromNow(2);
    // No location: a video patient does not travel, so every location is searched.
    const avail = await availability(request(`/api/availability?service=${practice.service.slug}&from=${from}&to=${from}&mode=VIDEO`), noParams);
    expect(avail.status).toBe(200);
    const { slots } = await avail.json();
    expect(slots.length).toBeGreaterThan(0);
    expect(slots[0].locationId).toBe(practice.location.id);
    expect(slots[0].start).toMatch(/^\d{4}-\d{2}-\d{2}T08:00:00-0[67]:00$/);

    const created = await POST(
      request("/api/bookings", {
        method: "POST",
        body: { service: practice.service.id, start: slots[0].start, mode: "VIDEO", locationId: slots[0].locationId, patient: patientInput() },
      }),
      noParams,
    );
    expect(created.status).toBe(201);
    const booking = await created.json();
    expect(booking.joinUrl).toMatch(joinPath);
    expect(booking.joinUrl.startsWith("http://localhost:3000/visit/")).toBe(true);

    const row = await getPrisma().appointment.findUniqueOrThrow({ where: { id: booking.id } });
    expect(row).toMatchObject({ mode: "VIDEO", roomId: null, visitAddressLine1: null, visitPostalCode: null });
    expect(row.videoJoinTokenHash).not.toBeNull();

    const read = await GET(request(`/api/bookings/${booking.manageToken}`), tokenParams(booking.manageToken));
    const dto = await read.json();
    expect(dto).toMatchObject({ mode: "VIDEO", joinUrl: booking.joinUrl, visitAddress: null });

    // The one room stays free: the other therapist can still see someone in the clinic at that time.
    const clinic = await availability(
      request(`/api/availability?service=${practice.service.slug}&from=${from}&to=${from}&location=${practice.location.id}&mode=CLINIC`),
      noParams,
    );
    const clinicStarts = ((await clinic.json()).slots as { start: string }[]).map((slot) => slot.start);
    expect(clinicStarts).toContain(slots[0].start);
  });

  it("refuses VIDEO for a clinic-only service with 422 and writes nothing", async () => {
    const practice = await createPractice({ timeZone: "America/Denver", service: { visitModes: ["CLINIC"] } });
    const from = daysFromNow(2);
    const clinic = await availability(request(`/api/availability?service=${practice.service.slug}&from=${from}&to=${from}&location=${practice.location.id}`), noParams);
    const [slot] = (await clinic.json()).slots;
    expect(slot).toBeDefined();

    const noVideo = await availability(request(`/api/availability?service=${practice.service.slug}&from=${from}&to=${from}&mode=VIDEO`), noParams);
    expect(noVideo.status).toBe(422);

    const before = await rowCounts();
    const response = await POST(
      request("/api/bookings", {
        method: "POST",
        body: { service: practice.service.slug, start: slot.start, mode: "VIDEO", locationId: practice.location.id, patient: patientInput() },
      }),
      noParams,
    );
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(body.error.fields.mode).toBe("Choose one of: CLINIC.");
    expect(await rowCounts()).toEqual(before);
  });
});
