import { describe, expect, it } from "vitest";
import { roomPhase, roomWindow } from "./room-window";

describe("roomWindow", () => {
  const start = Date.parse("2026-11-23T16:00:00Z");
  const end = Date.parse("2026-11-23T16:45:00Z");
  const window = roomWindow(start, end);

  it("opens fifteen minutes before the start and closes an hour after the end", () => {
    expect(new Date(window.opensAt).toISOString()).toBe("2026-11-23T15:45:00.000Z");
    expect(new Date(window.closesAt).toISOString()).toBe("2026-11-23T17:45:00.000Z");
  });

  it("is early until the opening instant, open from it, closed from the closing instant", () => {
    expect(roomPhase(window, window.opensAt - 1)).toBe("early");
    expect(roomPhase(window, window.opensAt)).toBe("open");
    expect(roomPhase(window, end + 59 * 60_000)).toBe("open");
    expect(roomPhase(window, window.closesAt - 1)).toBe("open");
    expect(roomPhase(window, window.closesAt)).toBe("closed");
  });
});
