import { describe, expect, it } from "vitest";
import { patientContactSchema } from "../patients/schema";
import { createBookingSchema, patientDetailsSchema } from "../booking/schema";
import { stripInvisible } from "./visible-text";

describe("stripInvisible", () => {
  it("removes bidi controls and zero-width characters", () => {
    expect(stripInvisible("\u202Enhoj\u202C")).toBe("nhoj");
    expect(stripInvisible("A\u200Bn\u200Ca\u200D\u2060\uFEFF")).toBe("Ana");
    expect(stripInvisible("\u2066R\u2067u\u2068i\u2069z\u200E\u200F\u061C\u202A\u202B\u202D")).toBe("Ruiz");
  });

  it("keeps accents, Ñ, other scripts and ordinary spaces", () => {
    for (const name of ["José Núñez", "ÑANDÚ", "山田 太郎", "Zoë O'Brien-Łukasz", "محمد", "Ngô Bảo Châu"]) {
      expect(stripInvisible(name)).toBe(name);
    }
  });
});

describe("names and free text at the edge", () => {
  const patient = { firstName: "Ana", lastName: "Ruiz", email: "ana@example.com", phone: "+1 915 555 0100", dateOfBirth: "1990-04-02" };

  it("the booking form stores names and the reason without invisible characters", () => {
    const parsed = createBookingSchema.parse({
      service: "therapy",
      start: "2026-11-24T09:00:00-06:00",
      mode: "CLINIC",
      locationId: "7b0e8a5e-4a0b-4d8e-9f5e-1c2d3e4f5a6b",
      patient: { ...patient, firstName: " \u202EAna\u202C ", lastName: "Ru\u200Biz" },
      reason: "Knee\u2066 pain\u2069",
    });
    expect(parsed.patient.firstName).toBe("Ana");
    expect(parsed.patient.lastName).toBe("Ruiz");
    expect(parsed.reason).toBe("Knee pain");
  });

  it("a name made only of invisible characters is a missing name", () => {
    const result = patientDetailsSchema.safeParse({ ...patient, firstName: "\u200B\u202E\uFEFF" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Enter your first name.");
  });

  it("the staff patient form strips them too", () => {
    const parsed = patientContactSchema.parse({ ...patient, lastName: "N\u200Dúñez", preferredLanguage: "es", city: "El\u202E Paso" });
    expect(parsed.lastName).toBe("Núñez");
    expect(parsed.city).toBe("El Paso");
  });
});
