import { describe, expect, it } from "vitest";
import { createPractice } from "@/test/fixtures";
import type { AvailabilityDto } from "@/lib/booking/api-types";
import { getPrisma } from "@/lib/db/client";
import { GET } from "./route";

// The free times carry their own cancellation terms, decided with the
// server's clock, so the booking pages can mark them before one is chosen.

function localDate(daysFromNow: number): string {
  return new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);
}

describe("GET /api/availability", () => {
  it("marks the times that, booked now, could no longer be changed or cancelled online", async () => {
    const cutoffMinutes = 3 * 24 * 60;
    const practice = await createPractice({ timeZone: "America/Denver", service: { cancelCutoffMinutes: cutoffMinutes } });
    const query = new URLSearchParams({ service: practice.service.slug, location: practice.location.id, from: localDate(1), to: localDate(5) });
    const before = Date.now();
    const response = await GET(new Request(`http://localhost:3000/api/availability?${query}`), { params: Promise.resolve({}) });
    const after = Date.now();
    expect(response.status).toBe(200);
    const { slots } = (await response.json()) as AvailabilityDto;

    for (const slot of slots) {
      const deadline = Date.parse(slot.changeableOnlineUntil);
      expect(deadline).toBe(Date.parse(slot.start) - cutoffMinutes * 60_000);
      // Written in the location's zone, like the start.
      expect(slot.changeableOnlineUntil.slice(-6)).toBe(slot.start.slice(-6));
      if (deadline <= before) expect(slot.changeableOnline).toBe(false);
      if (deadline > after) expect(slot.changeableOnline).toBe(true);
    }
    expect(slots.some((slot) => !slot.changeableOnline)).toBe(true);
    expect(slots.some((slot) => slot.changeableOnline)).toBe(true);
  });

  it("gives each first-available time to a therapist who speaks the patient's language when one is free then", async () => {
    const practice = await createPractice({ therapists: 2 });
    // Equally free, ties go to the lower id: the Spanish speaker gets the higher one, so only the language can pick them.
    const [english, spanish] = [...practice.therapists].sort((a, b) => (a.id < b.id ? -1 : 1));
    await getPrisma().therapist.update({ where: { id: english!.id }, data: { languages: ["en"] } });
    await getPrisma().therapist.update({ where: { id: spanish!.id }, data: { languages: ["en", "es"] } });
    const ask = async (language?: string) => {
      const query = new URLSearchParams({ service: practice.service.slug, location: practice.location.id, from: localDate(2), to: localDate(2), ...(language ? { language } : {}) });
      const response = await GET(new Request(`http://localhost:3000/api/availability?${query}`), { params: Promise.resolve({}) });
      expect(response.status).toBe(200);
      return ((await response.json()) as AvailabilityDto).slots;
    };
    const inSpanish = await ask("es");
    expect(inSpanish.length).toBeGreaterThan(0);
    expect(new Set(inSpanish.map((s) => s.therapistId))).toEqual(new Set([spanish!.id]));
    // Not one time later than without the preference, which gives them to the other therapist.
    const plain = await ask();
    expect(new Set(plain.map((s) => s.therapistId))).toEqual(new Set([english!.id]));
    expect(inSpanish.map((s) => s.start)).toEqual(plain.map((s) => s.start));
  });
});
