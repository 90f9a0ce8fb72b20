import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/catalog";
import { patientClock, patientSlotTime, readsSameClock, zoneGenericName, type PatientClock } from "./zone-pair";

// Run with TZ set to an unusual zone: nothing here may depend on the machine's own.
// 2026-11-23 is a Monday; Denver is on MST (UTC-7), New York on EST (UTC-5).
const nineInDenver = "2026-11-23T09:00:00-07:00";

describe("readsSameClock", () => {
  it("is true for one zone, and for two ids on the same clock", () => {
    expect(readsSameClock("America/Denver", "America/Denver", nineInDenver)).toBe(true);
    expect(readsSameClock("America/Denver", "America/Boise", nineInDenver)).toBe(true);
  });

  it("follows daylight saving time: Phoenix reads Denver's clock in winter only", () => {
    expect(readsSameClock("America/Denver", "America/Phoenix", nineInDenver)).toBe(true);
    expect(readsSameClock("America/Denver", "America/Phoenix", "2026-07-06T09:00:00-06:00")).toBe(false);
  });

  it("is false for an unknown zone rather than throwing", () => {
    expect(readsSameClock("America/Denver", "Not/AZone", nineInDenver)).toBe(false);
  });
});

describe("patientClock", () => {
  it("gives the patient's time, without a day when the date is the same", () => {
    expect(patientClock({ start: nineInDenver }, "America/Denver", "America/New_York", "en")).toEqual({ time: "11:00 AM", day: null });
  });

  it("gives a range when an end is given", () => {
    const clock = patientClock({ start: nineInDenver, end: "2026-11-23T09:45:00-07:00" }, "America/Denver", "America/Chicago", "en");
    expect(clock?.time.replace(/\s/g, " ")).toBe("10:00 – 10:45 AM");
    expect(clock?.day).toBeNull();
  });

  it("names the patient's day when it differs from the clinic's", () => {
    // 9:00 PM Monday in Denver is 1:00 PM Tuesday in Tokyo.
    const clock = patientClock({ start: "2026-11-23T21:00:00-07:00" }, "America/Denver", "Asia/Tokyo", "en");
    expect(clock).toEqual({ time: "1:00 PM", day: "Tuesday, November 24" });
  });

  it("speaks Spanish", () => {
    const clock = patientClock({ start: "2026-11-23T21:00:00-07:00" }, "America/Denver", "Asia/Tokyo", "es");
    expect(clock?.time).toMatch(/^1:00\sp\.\s?m\.$/);
    expect(clock?.day).toBe("martes, 24 de noviembre");
  });

  it("is null when the clocks agree, the patient's zone is unknown, or it is not a zone", () => {
    expect(patientClock({ start: nineInDenver }, "America/Denver", "America/Denver", "en")).toBeNull();
    expect(patientClock({ start: nineInDenver }, "America/Denver", "America/Boise", "en")).toBeNull();
    expect(patientClock({ start: nineInDenver }, "America/Denver", null, "en")).toBeNull();
    expect(patientClock({ start: nineInDenver }, "America/Denver", "Not/AZone", "en")).toBeNull();
  });

  it("handles zones with a half-hour offset", () => {
    expect(patientClock({ start: nineInDenver }, "America/Denver", "Asia/Kathmandu", "en")).toEqual({ time: "9:45 PM", day: null });
  });
});

describe("patientSlotTime", () => {
  it("is the bare time on the same date, with a short weekday on another", () => {
    expect(patientSlotTime(nineInDenver, "America/Denver", "America/New_York", "en")).toBe("11:00 AM");
    expect(patientSlotTime("2026-11-23T21:00:00-07:00", "America/Denver", "Asia/Tokyo", "en")).toBe("Tue 1:00 PM");
  });

  it("is null when there is nothing to convert", () => {
    expect(patientSlotTime(nineInDenver, "America/Denver", "America/Denver", "en")).toBeNull();
    expect(patientSlotTime(nineInDenver, "America/Denver", null, "en")).toBeNull();
  });
});

describe("zoneGenericName", () => {
  it("gives the everyday name, or the id when there is none", () => {
    expect(zoneGenericName("America/Denver", "en")).toBe("Mountain Time");
    expect(zoneGenericName("America/Denver", "es")).toBe("hora de las Montañas Rocosas");
    expect(zoneGenericName("Not/AZone", "en")).toBe("Not/AZone");
  });
});

describe("the video visit wording built on it", () => {
  const t = translator("en", "videoVisit");
  const clockText = (clock: PatientClock | null) => (clock ? t("patientClock", { day: clock.day ?? "none", time: clock.time }) : "none");

  it("puts both clocks side by side, naming the patient's zone", () => {
    const clock = patientClock({ start: nineInDenver }, "America/Denver", "America/Chicago", "en");
    expect(t("bothTimes", { clinicTime: "9:00 AM", clinicZoneName: zoneGenericName("America/Denver", "en"), patient: clockText(clock), patientZone: "America/Chicago" })).toBe(
      "9:00 AM Mountain Time · 10:00 AM your time (America/Chicago)",
    );
  });

  it("says once that the zones agree instead of repeating the time", () => {
    expect(t("bothTimes", { clinicTime: "9:00 AM", clinicZoneName: "Mountain Time", patient: "none", patientZone: "America/Denver" })).toBe("9:00 AM Mountain Time (your time too)");
    expect(t("patientTimeNote", { patient: "none", patientZone: "America/Denver" })).toBe("That is your time zone too.");
  });

  it("names the patient's day when it differs", () => {
    const clock = patientClock({ start: "2026-11-23T21:00:00-07:00" }, "America/Denver", "Asia/Tokyo", "en");
    expect(t("patientTimeNote", { patient: clockText(clock), patientZone: "Asia/Tokyo" })).toBe("That is Tuesday, November 24, 1:00 PM your time (Asia/Tokyo).");
  });
});
