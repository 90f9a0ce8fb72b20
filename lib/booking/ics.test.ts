import { describe, expect, it } from "vitest";
import type { BookingDto } from "./api-types";
import { buildIcs, icsMetaFor } from "./ics";

const booking: BookingDto = {
  id: "a1",
  status: "BOOKED",
  start: "2026-03-08T09:00:00-06:00",
  end: "2026-03-08T09:45:00-06:00",
  timeZone: "America/Chicago",
  mode: "CLINIC",
  language: "es",
  reason: null,
  service: { id: "s", slug: "therapy", name: { en: "Therapy session", es: "Sesión de terapia" }, durationMinutes: 45, priceCents: 11000, currency: "USD", cancelCutoffMinutes: 1440 },
  therapist: { id: "t", firstName: "Luis", lastName: "Carrillo", credentials: "PT, DPT" },
  location: {
    id: "l",
    slug: "westside",
    name: "Westside; main clinic",
    address: { line1: "1 Mesa St", line2: null, city: "El Paso", region: "TX", postalCode: "79912", country: "US" },
    phone: null,
    timeZone: "America/Chicago",
    homePostalCodes: [],
  },
  patient: { firstName: "Ana", lastName: "Ruiz" },
  visitAddress: null,
  canChange: true,
  changeDeadline: "2026-03-07T09:00:00-06:00",
  cancellationReason: null,
  manageUrl: "http://localhost:3000/es/manage/" + "x".repeat(43),
  joinUrl: null,
};

describe("buildIcs", () => {
  const ics = buildIcs(booking, { uid: "a1@stride", sequence: 0, stamp: new Date("2026-03-01T00:00:00Z"), updatedAt: new Date("2026-03-01T00:00:00Z") });

  it("writes the visit in UTC with CRLF line endings", () => {
    expect(ics).toContain("DTSTART:20260308T150000Z\r\n");
    expect(ics).toContain("DTEND:20260308T154500Z\r\n");
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });

  it("uses the booking's language and escapes separators", () => {
    expect(ics).toContain("SUMMARY:Sesión de terapia · Westside\\; main clinic");
    expect(ics).toContain("DESCRIPTION:Con Luis Carrillo\\, PT\\, DPT");
  });

  it("folds lines at 75 octets", () => {
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(ics).toContain("\r\n ");
  });

  it("puts a video visit's join link where the visit takes place", () => {
    const joinUrl = "http://localhost:3000/visit/" + "j".repeat(43);
    const video = buildIcs({ ...booking, mode: "VIDEO", language: "en", joinUrl }, { uid: "a2@stride", sequence: 0, stamp: new Date(), updatedAt: new Date() });
    const unfolded = video.replace(/\r\n /g, "");
    expect(unfolded).toContain(`LOCATION:Video visit: ${joinUrl}\r\n`);
    expect(unfolded).toContain(`SUMMARY:Therapy session · video visit\r\n`);
    expect(unfolded).toContain(`Join the video visit (opens 15 minutes before): ${joinUrl}`);
  });

  it("writes a video visit's lines in Spanish for a Spanish booking", () => {
    const joinUrl = "http://localhost:3000/visit/" + "j".repeat(43);
    const video = buildIcs({ ...booking, mode: "VIDEO", joinUrl }, { uid: "a4@stride", sequence: 0, stamp: new Date(), updatedAt: new Date() });
    const unfolded = video.replace(/\r\n /g, "");
    expect(unfolded).toContain(`LOCATION:Videoconsulta: ${joinUrl}\r\n`);
    expect(unfolded).toContain("SUMMARY:Sesión de terapia · videoconsulta\r\n");
    expect(unfolded).toContain(`Entrar a la videoconsulta (abre 15 minutos antes): ${joinUrl}`);
    expect(unfolded).toContain("Cambiar o cancelar: http://localhost:3000/es/manage/");
  });

  it("escapes every kind of line break in text, so a bare CR cannot start a property of its own", () => {
    const visitAddress = { line1: "12 Runner Rd\rX-INJECTED:1", line2: "Apt 4\r\nBack door\nGate", city: "El Paso", postalCode: "79912" };
    const home = buildIcs({ ...booking, mode: "HOME", visitAddress }, { uid: "a3@stride", sequence: 0, stamp: new Date(), updatedAt: new Date() });
    const unfolded = home.replace(/\r\n /g, "");
    expect(unfolded).toContain("LOCATION:12 Runner Rd\\nX-INJECTED:1\\, Apt 4\\nBack door\\nGate\\, El Paso\\, 79912\r\n");
    // The only CRs left are those of the CRLF line endings.
    expect(unfolded.replace(/\r\n/g, "")).not.toContain("\r");
    expect(unfolded.split("\r\n").some((line) => line.startsWith("X-INJECTED"))).toBe(false);
  });
});

describe("calendar files that update", () => {
  const stamp = new Date("2026-03-01T00:00:00Z");

  it("keeps one UID for a booking and a rising SEQUENCE, with an alarm while it is booked", () => {
    const first = buildIcs(booking, icsMetaFor({ bookingId: "b-1", revision: 0, updatedAt: stamp }, stamp));
    const moved = buildIcs({ ...booking, start: "2026-03-09T09:00:00-06:00", end: "2026-03-09T09:45:00-06:00" }, icsMetaFor({ bookingId: "b-1", revision: 1, updatedAt: stamp }, stamp));
    expect(first).toContain("UID:b-1@stride\r\n");
    expect(moved).toContain("UID:b-1@stride\r\n");
    expect(first).toContain("SEQUENCE:0\r\n");
    expect(moved).toContain("SEQUENCE:1\r\n");
    expect(moved).toContain("METHOD:PUBLISH\r\n");
    expect(moved).toMatch(/BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT1H\r\n/);
  });

  it("cancels with METHOD:CANCEL and no alarm", () => {
    const cancelled = buildIcs({ ...booking, status: "CANCELLED" }, icsMetaFor({ bookingId: "b-1", revision: 2, updatedAt: stamp }, stamp));
    expect(cancelled).toContain("METHOD:CANCEL\r\n");
    expect(cancelled).toContain("STATUS:CANCELLED\r\n");
    expect(cancelled).toContain("SEQUENCE:2\r\n");
    expect(cancelled).not.toContain("VALARM");
  });
});
