import { describe, expect, it } from "vitest";
import { fieldMessages } from "../errors/field-messages";
import type { z } from "zod";
import { homeAreaSchema, timeOffInputSchema, weeklyHoursInputSchema } from "./schema";

const THERAPIST = "5b0f7a62-2f4e-4c1e-9d51-0c6f1f7d2a10";
const LOCATION = "0d8f4b1e-7a3c-4e2b-8f5a-1c2d3e4f5a6b";

const block = (overrides: Record<string, unknown> = {}) => ({
  therapistId: THERAPIST,
  locationId: LOCATION,
  weekday: "2",
  start: "13:00",
  end: "17:00",
  visitModes: ["HOME"],
  validFrom: "",
  validUntil: "",
  ...overrides,
});

function errorsOf(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  return result.success ? {} : fieldMessages(result.error, { flat: true });
}

describe("weeklyHoursInputSchema", () => {
  it("turns HH:MM into minutes after midnight and blank dates into null", () => {
    expect(weeklyHoursInputSchema.parse(block())).toEqual({
      therapistId: THERAPIST,
      locationId: LOCATION,
      weekday: 2,
      startMinute: 780,
      endMinute: 1020,
      visitModes: ["HOME"],
      validFrom: null,
      validUntil: null,
    });
    expect(weeklyHoursInputSchema.parse(block({ end: "24:00" })).endMinute).toBe(1440);
  });

  it("needs the end after the start, within the day", () => {
    expect(errorsOf(weeklyHoursInputSchema, block({ start: "13:00", end: "13:00" }))).toEqual({ end: "The end must be after the start, on the same day." });
    expect(errorsOf(weeklyHoursInputSchema, block({ start: "17:00", end: "09:00" }))).toEqual({ end: "The end must be after the start, on the same day." });
    expect(errorsOf(weeklyHoursInputSchema, block({ end: "24:15" }))).toEqual({ end: "Enter the end time as HH:MM, e.g. 12:00." });
    expect(errorsOf(weeklyHoursInputSchema, block({ start: "25:00" }))).toEqual({ start: "Enter the start time as HH:MM, e.g. 08:00." });
  });

  it("keeps times on the quarter-hour grid", () => {
    expect(errorsOf(weeklyHoursInputSchema, block({ start: "13:10" }))).toEqual({ start: "Use a quarter hour for the start: :00, :15, :30 or :45." });
    expect(errorsOf(weeklyHoursInputSchema, block({ start: "13:45", end: "16:30" }))).toEqual({});
  });

  it("asks for a day, at least one kind of visit and real dates", () => {
    expect(errorsOf(weeklyHoursInputSchema, block({ weekday: "", visitModes: [] }))).toEqual({
      weekday: "Choose a day of the week.",
      visitModes: "Choose at least one kind of visit.",
    });
    expect(errorsOf(weeklyHoursInputSchema, block({ weekday: 8 })).weekday).toBe("Choose a day of the week.");
    expect(errorsOf(weeklyHoursInputSchema, block({ visitModes: ["HOUSE"] }))).toEqual({ visitModes: "Choose CLINIC, HOME or VIDEO." });
    expect(errorsOf(weeklyHoursInputSchema, block({ validFrom: "2026-02-30" }))).toEqual({ validFrom: "That is not a real date." });
  });

  it("needs the valid-until date on or after valid-from, with the weekday between them", () => {
    expect(errorsOf(weeklyHoursInputSchema, block({ validFrom: "2026-12-01", validUntil: "2026-11-30" }))).toEqual({
      validUntil: "The last date must not be before the first.",
    });
    // 2026-12-02 is a Wednesday and 2026-12-04 a Friday: no Tuesday between.
    expect(errorsOf(weeklyHoursInputSchema, block({ validFrom: "2026-12-02", validUntil: "2026-12-04" }))).toEqual({
      validUntil: "There is no Tuesday between these dates.",
    });
    expect(weeklyHoursInputSchema.parse(block({ validFrom: "2026-12-01", validUntil: "2026-12-01" })).validUntil).toBe("2026-12-01");
  });
});

describe("timeOffInputSchema", () => {
  const timeOff = (overrides: Record<string, unknown> = {}) => ({
    therapistId: THERAPIST,
    locationId: LOCATION,
    kind: "TIME_OFF",
    span: "days",
    firstDay: "2026-12-07",
    lastDay: "2026-12-09",
    startsAt: "",
    endsAt: "",
    note: "  ",
    ...overrides,
  });

  it("reads whole days and leaves a blank note out", () => {
    expect(timeOffInputSchema.parse(timeOff())).toEqual({
      therapistId: THERAPIST,
      locationId: LOCATION,
      kind: "TIME_OFF",
      note: null,
      period: { span: "days", firstDay: "2026-12-07", lastDay: "2026-12-09" },
    });
  });

  it("reads from–to date-times as local dates and minutes", () => {
    const parsed = timeOffInputSchema.parse(timeOff({ span: "times", startsAt: "2026-11-01T01:30", endsAt: "2026-11-01T03:00", kind: "BLOCKED", note: "Staff meeting" }));
    expect(parsed.period).toEqual({ span: "times", startsAt: { date: "2026-11-01", minute: 90 }, endsAt: { date: "2026-11-01", minute: 180 } });
    expect(parsed.note).toBe("Staff meeting");
  });

  it("asks for the fields the chosen span needs, in order", () => {
    expect(errorsOf(timeOffInputSchema, timeOff({ firstDay: "", lastDay: "" }))).toEqual({ firstDay: "Enter the first day.", lastDay: "Enter the last day." });
    expect(errorsOf(timeOffInputSchema, timeOff({ lastDay: "2026-12-06" }))).toEqual({ lastDay: "The last day must not be before the first." });
    expect(errorsOf(timeOffInputSchema, timeOff({ span: "times", startsAt: "2026-12-07T09:00", endsAt: "2026-12-07T09:00" }))).toEqual({
      endsAt: "The end must be after the start.",
    });
    expect(errorsOf(timeOffInputSchema, timeOff({ span: "times", startsAt: "2026-12-07 9am", endsAt: "" }))).toEqual({
      startsAt: "Enter a date and time, e.g. 2026-12-01 09:00.",
    });
    expect(errorsOf(timeOffInputSchema, timeOff({ lastDay: "2027-12-09" }))).toEqual({ lastDay: "Enter at most 366 days at a time." });
    expect(errorsOf(timeOffInputSchema, timeOff({ kind: "HOLIDAY" }))).toEqual({ kind: "Choose time off or blocked time." });
  });
});

describe("homeAreaSchema", () => {
  it("checks ZIP codes for a US location and whole travel minutes", () => {
    const us = homeAreaSchema("US");
    expect(us.parse({ locationId: LOCATION, postalCodes: "79912 79922", travelMinutes: "25" })).toEqual({
      locationId: LOCATION,
      postalCodes: ["79912", "79922"],
      travelMinutes: 25,
    });
    expect(errorsOf(us, { locationId: LOCATION, postalCodes: "7991", travelMinutes: "" })).toEqual({
      postalCodes: "Use 5-digit ZIP codes, e.g. 79912. Not valid: 7991.",
      travelMinutes: "Enter the travel time in minutes.",
    });
    expect(errorsOf(us, { locationId: LOCATION, postalCodes: "", travelMinutes: "12.5" })).toEqual({ travelMinutes: "Use whole minutes." });
    expect(errorsOf(us, { locationId: LOCATION, postalCodes: "", travelMinutes: 300 })).toEqual({ travelMinutes: "Keep travel time to 240 minutes or less." });
  });
});
