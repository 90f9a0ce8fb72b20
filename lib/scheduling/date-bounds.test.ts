import { describe, expect, it } from "vitest";
import { moveAppointmentSchema } from "../appointments/schema";
import { availabilityQuerySchema, createBookingSchema } from "../booking/schema";
import { calendarQuerySchema } from "../calendar/schema";
import { parsePatientQuery } from "../patients/search-query";
import { weeklyHoursInputSchema } from "../schedules/schema";
import { visitFormSchema } from "../visits/schema";
import { isInClinicYears, OUT_OF_RANGE_MESSAGE } from "./date-bounds";

const LOCATION = "0d8f4b1e-7a3c-4e2b-8f5a-1c2d3e4f5a6b";
const THERAPIST = "5b0f7a62-2f4e-4c1e-9d51-0c6f1f7d2a10";

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.success ? [] : result.error!.issues.map((i) => i.message);
}

describe("isInClinicYears", () => {
  it("takes dates and instants from 1900 to 2200", () => {
    expect(isInClinicYears("1900-01-01")).toBe(true);
    expect(isInClinicYears("2200-12-31T23:00:00-05:00")).toBe(true);
    expect(isInClinicYears("1899-12-31")).toBe(false);
    expect(isInClinicYears("0000-01-01")).toBe(false);
    expect(isInClinicYears("9999-01-01T00:00:00Z")).toBe(false);
  });
});

describe("dates outside the clinic's years are refused with a message", () => {
  it("in the availability query", () => {
    const result = availabilityQuerySchema.safeParse({ service: "screening", from: "0000-01-01", to: "0000-01-07" });
    expect(messages(result)).toContain(OUT_OF_RANGE_MESSAGE);
    expect(availabilityQuerySchema.safeParse({ service: "screening", from: "2026-12-01", to: "2026-12-07" }).success).toBe(true);
  });

  it("in a booking's start and a date of birth", () => {
    const booking = {
      service: "screening",
      start: "0000-01-01T09:00:00Z",
      mode: "CLINIC",
      locationId: LOCATION,
      patient: { firstName: "A", lastName: "B", email: "a@example.com", phone: "+1 555 555 0100", dateOfBirth: "0000-02-29" },
    };
    const result = createBookingSchema.safeParse(booking);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toContain("start");
    expect(paths).toContain("patient.dateOfBirth");
  });

  it("in the staff calendar's date, which must also be a real date", () => {
    expect(messages(calendarQuerySchema.safeParse({ location: LOCATION, date: "0000-01-01" }))).toContain(OUT_OF_RANGE_MESSAGE);
    expect(messages(calendarQuerySchema.safeParse({ location: LOCATION, date: "2026-13-45" }))).toContain("That is not a real date.");
    expect(calendarQuerySchema.safeParse({ location: LOCATION, date: "2026-12-01" }).success).toBe(true);
  });

  it("in a move and a visit form's version stamp", () => {
    expect(moveAppointmentSchema.safeParse({ start: "0000-01-01T09:00:00Z", therapistId: THERAPIST }).success).toBe(false);
    expect(moveAppointmentSchema.safeParse({ start: "2026-12-01T09:00:00Z", therapistId: THERAPIST, expectedUpdatedAt: "0000-01-01T00:00:00Z" }).success).toBe(false);
    const form = { appointmentId: THERAPIST, body: "note", intent: "save", expectedUpdatedAt: "0000-01-01T00:00:00.000Z" };
    expect(visitFormSchema.safeParse(form).success).toBe(false);
    expect(visitFormSchema.safeParse({ ...form, expectedUpdatedAt: "2026-12-01T00:00:00.000Z" }).success).toBe(true);
  });

  it("in a patient search", () => {
    expect(parsePatientQuery("0000-01-01")).toHaveProperty("problem");
    expect(parsePatientQuery("01/01/0000")).toHaveProperty("problem");
    expect(parsePatientQuery("1899-12-31")).toHaveProperty("problem");
    expect(parsePatientQuery("1900-01-01")).toEqual({ criterion: { kind: "dateOfBirth", date: "1900-01-01" } });
  });

  it("in a schedule's dates", () => {
    const block = { therapistId: THERAPIST, locationId: LOCATION, weekday: "2", start: "13:00", end: "17:00", visitModes: ["HOME"], validUntil: "" };
    expect(messages(weeklyHoursInputSchema.safeParse({ ...block, validFrom: "0000-01-04" }))).toContain(OUT_OF_RANGE_MESSAGE);
    expect(weeklyHoursInputSchema.safeParse({ ...block, validFrom: "2026-12-01" }).success).toBe(true);
  });
});
