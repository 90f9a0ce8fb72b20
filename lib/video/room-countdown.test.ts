import { describe, expect, it } from "vitest";
import { translator } from "../i18n/catalog";
import type { Language } from "../i18n/languages";
import { announcesAt, clockOffset, minutesLeft, msUntilOpen, sayWait, waitInMinutes, waitUntilOpen, type WaitWords } from "./room-countdown";

// The words the join page reads, from the catalogue itself.
function words(language: Language): WaitWords {
  const t = translator(language, "videoJoin.countdown");
  return { unit: (unit, count) => t(unit, { count }), both: (larger, smaller) => t("both", { larger, smaller }) };
}
const formatWait = (ms: number, language: Language) => sayWait(waitUntilOpen(ms), words(language));
const formatMinutes = (minutes: number, language: Language) => sayWait(waitInMinutes(minutes), words(language));

describe("msUntilOpen", () => {
  const opensAt = Date.parse("2026-11-23T15:45:00Z");
  const serverNow = Date.parse("2026-11-23T15:40:00Z");

  it("counts from the server's time, not the phone's, when the phone's clock is an hour behind", () => {
    const phoneAtRender = serverNow - 3_600_000;
    const offset = clockOffset(serverNow, phoneAtRender);
    expect(msUntilOpen(opensAt, phoneAtRender, offset)).toBe(5 * 60_000);
    expect(msUntilOpen(opensAt, phoneAtRender + 4 * 60_000, offset)).toBe(60_000);
  });

  it("is right after the tab slept past the opening, and never negative", () => {
    const offset = clockOffset(serverNow, serverNow);
    expect(msUntilOpen(opensAt, serverNow + 20 * 60_000, offset)).toBe(0);
  });
});

describe("announcesAt", () => {
  it("speaks every minute of the last five, every five of the last hour, then hourly", () => {
    const spoken = Array.from({ length: 130 }, (_, m) => m).filter(announcesAt);
    expect(spoken).toEqual([0, 1, 2, 3, 4, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 120]);
  });

  it("rounds the minutes up, so the last seconds are still one minute", () => {
    expect(minutesLeft(1)).toBe(1);
    expect(minutesLeft(60_000)).toBe(1);
    expect(minutesLeft(60_001)).toBe(2);
    expect(minutesLeft(0)).toBe(0);
  });
});

describe("formatWait", () => {
  it("says hours and minutes, or minutes and seconds, in both languages", () => {
    expect(formatWait(272_000, "en")).toBe("4 minutes 32 seconds");
    expect(formatWait(272_000, "es")).toBe("4 minutos y 32 segundos");
    expect(formatWait(61_000, "en")).toBe("1 minute 1 second");
    expect(formatWait(1_000, "es")).toBe("1 segundo");
    expect(formatWait(120_000, "en")).toBe("2 minutes");
    expect(formatWait(3_600_000 + 5 * 60_000, "en")).toBe("1 hour 5 minutes");
    expect(formatWait(3_600_000 + 4 * 60_000 + 1, "es")).toBe("1 hora y 5 minutos");
    expect(formatWait(2 * 3_600_000 - 1_000, "en")).toBe("2 hours");
  });

  it("names whole minutes for what is announced", () => {
    expect(formatMinutes(1, "en")).toBe("1 minute");
    expect(formatMinutes(60, "es")).toBe("1 hora");
    expect(formatMinutes(125, "es")).toBe("2 horas y 5 minutos");
  });
});
