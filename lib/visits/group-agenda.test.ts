import { describe, expect, it } from "vitest";
import { groupAgenda, type PlacedVisit } from "./group-agenda";

const at = (iso: string) => Date.parse(iso);
const chicago = { id: "chi", name: "Chicago Loop", timeZone: "America/Chicago" };
const chicagoNorth = { id: "chi-n", name: "Chicago North", timeZone: "America/Chicago" };
const denver = { id: "den", name: "Denver Central", timeZone: "America/Denver" };

type V = PlacedVisit & { name: string };
const visit = (name: string, locationId: string, startsAt: string, status: V["status"] = "BOOKED"): V => ({
  name,
  locationId,
  startsAt: new Date(startsAt),
  status,
});
const names = (visits: V[]) => visits.map((v) => v.name);

describe("groupAgenda", () => {
  it("keeps one agenda when every location shares a zone, and reads the day in that zone", () => {
    // 05:30 UTC on the 23rd: in Chicago it is still the 22nd.
    const groups = groupAgenda(at("2026-11-23T05:30:00Z"), [chicago, chicagoNorth], [
      visit("yesterday 23:30", "chi", "2026-11-22T05:30:00Z"),
      visit("today 09:00", "chi", "2026-11-22T15:00:00Z"),
      visit("today 23:30", "chi-n", "2026-11-23T05:30:00Z"),
      visit("tomorrow 08:00", "chi-n", "2026-11-23T14:00:00Z"),
      visit("day after 00:00", "chi", "2026-11-24T06:00:00Z"),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.location).toBeNull();
    expect(groups[0]!.zone).toBe("America/Chicago");
    expect(groups[0]!.days.map((d) => [d.relative, d.date, names(d.visits)])).toEqual([
      ["today", "2026-11-22", ["today 09:00", "today 23:30"]],
      ["tomorrow", "2026-11-23", ["tomorrow 08:00"]],
    ]);
  });

  it("puts cancelled visits after the day's other visits", () => {
    const [group] = groupAgenda(at("2026-11-22T12:00:00Z"), [chicago], [
      visit("11:00", "chi", "2026-11-22T17:00:00Z"),
      visit("08:00 cancelled", "chi", "2026-11-22T14:00:00Z", "CANCELLED"),
      visit("09:00", "chi", "2026-11-22T15:00:00Z", "COMPLETED"),
    ]);
    expect(names(group!.days[0]!.visits)).toEqual(["09:00", "11:00", "08:00 cancelled"]);
  });

  it("counts the 25-hour fall-back day whole (America/Chicago, 2026-11-01)", () => {
    const [group] = groupAgenda(at("2026-11-01T04:30:00Z"), [chicago], [
      visit("1st 01:30 CDT", "chi", "2026-11-01T06:30:00Z"),
      visit("1st 01:30 CST", "chi", "2026-11-01T07:30:00Z"),
      visit("1st 23:30 CST", "chi", "2026-11-02T05:30:00Z"),
      visit("2nd 00:30 CST", "chi", "2026-11-02T06:30:00Z"),
    ]);
    expect(group!.days[1]!.date).toBe("2026-11-01");
    expect(names(group!.days[1]!.visits)).toEqual(["1st 01:30 CDT", "1st 01:30 CST", "1st 23:30 CST"]);
  });

  it("splits per location when zones differ, each with its own today", () => {
    // 06:30 UTC on the 23rd: the 23rd in Chicago (00:30), still the 22nd in Denver (23:30).
    const groups = groupAgenda(at("2026-11-23T06:30:00Z"), [denver, chicago], [
      visit("Chicago 09:00", "chi", "2026-11-23T15:00:00Z"),
      visit("Denver 09:00", "den", "2026-11-23T16:00:00Z"),
    ]);
    expect(groups.map((g) => [g.location?.name, g.zone, g.days.map((d) => d.date)])).toEqual([
      ["Chicago Loop", "America/Chicago", ["2026-11-23", "2026-11-24"]],
      ["Denver Central", "America/Denver", ["2026-11-22", "2026-11-23"]],
    ]);
    expect(names(groups[0]!.days[0]!.visits)).toEqual(["Chicago 09:00"]);
    expect(names(groups[1]!.days[1]!.visits)).toEqual(["Denver 09:00"]);
  });

  it("has nothing to show for a therapist with no locations", () => {
    expect(groupAgenda(at("2026-11-23T06:30:00Z"), [], [])).toEqual([]);
  });
});
