import { describe, expect, it } from "vitest";
import type { CalendarAppointmentDto } from "../calendar/schema";
import { VISIT_MODES } from "../schedules/labels";
import { translator } from "./catalog";

// Every status an appointment can hold, named here so a new one fails the type-check until it has words.
const STATUSES = { BOOKED: "Booked", CHECKED_IN: "Checked in", COMPLETED: "Completed", CANCELLED: "Cancelled", NO_SHOW: "No-show" } satisfies Record<CalendarAppointmentDto["status"], string>;

describe("the staff calendar's words", () => {
  const t = translator("en", "staffCalendar");

  it("name every status and kind of visit on the cards and the panel, never a bare code", () => {
    for (const [status, words] of Object.entries(STATUSES)) expect(t("status", { status })).toBe(words);
    for (const mode of VISIT_MODES) expect(t("mode", { mode }), mode).not.toBe(mode);
    expect(t("mode", { mode: "HOME" })).toBe("Home visit");
    for (const mode of VISIT_MODES) expect(translator("en", "staffCalendar.book")("mode", { mode }), mode).not.toBe(mode);
  });

  it("count a week's visits in words that agree with the number", () => {
    expect(translator("en", "staffCalendar.week")("visits", { count: 0 })).toBe("0 visits");
    expect(translator("en", "staffCalendar.week")("visits", { count: 1 })).toBe("1 visit");
    expect(translator("en", "staffCalendar.week")("visits", { count: 7 })).toBe("7 visits");
    expect(translator("en", "staffCalendar.book")("found", { count: 1 })).toBe("1 found");
  });

  it("say what each status action did, and ask before a no-show or a cancellation", () => {
    const board = translator("en", "staffCalendar.board");
    expect(board("statusSaved", { name: "Ana Ruiz", action: "undoCheckIn" })).toBe("Ana Ruiz: check-in undone, booked again.");
    expect(board("statusSaved", { name: "Ana Ruiz", action: "noShow" })).toBe("Ana Ruiz: no-show saved.");
    const panel = translator("en", "staffCalendar.panel");
    expect(panel("confirmTitle", { action: "noShow", name: "Ana Ruiz" })).toBe("Mark Ana Ruiz as a no-show?");
    expect(panel("confirmTitle", { action: "cancel", name: "Ana Ruiz" })).toBe("Cancel Ana Ruiz's visit?");
    expect(panel("action", { action: "undoNoShow" })).toBe("Undo no-show");
  });

  it("title the board with the day or the week and the location's zone", () => {
    expect(t("subtitle", { view: "day", date: "Monday, March 2", zone: "Mountain Standard Time (America/Denver)" })).toBe("Monday, March 2 · Times in Mountain Standard Time (America/Denver)");
    expect(t("subtitle", { view: "week", date: "Monday, March 2", zone: "UTC" })).toBe("Week of Monday, March 2 · Times in UTC");
  });
});
