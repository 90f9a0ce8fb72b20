import { describe, expect, it } from "vitest";
import { replyText } from "./reply-text";

// What Stride texts back, in the visit's language: a Spanish time ends in
// "p.m.", which must not be followed by a second period.

const visit = (language: "en" | "es", clinicPhone: string | null) => ({
  startsAt: new Date("2026-12-07T21:00:00Z"),
  timeZone: "America/Denver",
  language,
  clinicPhone,
});

describe("the reply to a text message", () => {
  it("confirms in English and in Spanish", () => {
    expect(replyText({ kind: "confirmed", visit: visit("en", "+13035550100") })).toMatch(/^Thank you: your visit on Monday, December 7, 2:00\sPM is confirmed\.$/);
    expect(replyText({ kind: "confirmed", visit: visit("es", "+13035550100") })).toBe("Gracias: su cita del lunes, 7 de diciembre, 2:00 p.m. queda confirmada.");
  });

  it("answers a change request with the number to call, and one period after a Spanish p.m.", () => {
    expect(replyText({ kind: "change-requested", visit: visit("en", "+13035550100") })).toMatch(
      /^Thank you: we will contact you to change your visit on Monday, December 7, 2:00\sPM\. To talk to us, call \+13035550100\.$/,
    );
    expect(replyText({ kind: "change-requested", visit: visit("es", "+13035550100") })).toBe(
      "Gracias: le contactaremos para cambiar su cita del lunes, 7 de diciembre, 2:00 p.m. Para hablar con nosotros, llame al +13035550100.",
    );
    expect(replyText({ kind: "change-requested", visit: visit("es", null) })).toBe("Gracias: le contactaremos para cambiar su cita del lunes, 7 de diciembre, 2:00 p.m.");
  });

  it("answers in both languages when there is no visit to go by", () => {
    expect(replyText({ kind: "no-visit", clinicPhone: "+13035550100" })).toBe(
      "We found no upcoming visit to answer for. To talk to us, call +13035550100. / No encontramos una cita próxima. Para hablar con nosotros, llame al +13035550100.",
    );
    expect(replyText({ kind: "other", clinicPhone: null })).toBe("Reply C to confirm your visit or R to ask for a change. / Responda C para confirmar su cita o R para pedir un cambio.");
    expect(replyText({ kind: "opted-out" })).toBeNull();
  });
});
