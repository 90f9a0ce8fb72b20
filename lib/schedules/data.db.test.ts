import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, uniq } from "../../test/fixtures";
import { getPrisma } from "../db/client";
import { listTherapistsForSchedules, loadTherapistSchedule } from "./data";

const NOW = new Date("2026-10-26T12:00:00Z");

describe("loadTherapistSchedule", () => {
  it("gives hours by weekday, time off not yet over on the location's clock, and the locations", async () => {
    const p = await createPractice({
      timeZone: "America/Chicago",
      hours: [
        { weekdays: [3], startMinute: 780, endMinute: 1020, visitModes: ["HOME"] },
        { weekdays: [1], startMinute: 480, endMinute: 720, visitModes: ["CLINIC"] },
      ],
    });
    const therapistId = p.therapists[0]!.id;
    const prisma = getPrisma();
    await prisma.timeOff.createMany({
      data: [
        { therapistId, startsAt: new Date("2026-10-01T05:00:00Z"), endsAt: new Date("2026-10-02T05:00:00Z"), note: "over" },
        { therapistId, startsAt: new Date("2026-10-26T10:00:00Z"), endsAt: new Date("2026-10-26T18:00:00Z"), note: "today" },
        { therapistId, kind: "BLOCKED", startsAt: new Date("2026-11-02T15:00:00Z"), endsAt: new Date("2026-11-02T16:00:00Z"), note: "after the fall-back" },
      ],
    });
    const desk = await createStaffMember("FRONT_DESK");
    const view = await loadTherapistSchedule(desk, therapistId, NOW);

    expect(view?.locations.map((l) => [l.id, l.timeZone, l.homePostalCodes, l.homeTravelMinutes])).toEqual([[p.location.id, "America/Chicago", ["79912"], 30]]);
    expect(view?.timeZone).toBe("America/Chicago");
    expect(view?.weeklyHours.map((h) => [h.weekday, h.startMinute, h.endMinute, h.visitModes])).toEqual([
      [1, 480, 720, ["CLINIC"]],
      [3, 780, 1020, ["HOME"]],
    ]);
    expect(view?.timeOff.map((t) => [t.note, t.kind, t.startsAt, t.endsAt])).toEqual([
      ["today", "TIME_OFF", "2026-10-26T05:00:00-05:00", "2026-10-26T13:00:00-05:00"],
      ["after the fall-back", "BLOCKED", "2026-11-02T09:00:00-06:00", "2026-11-02T10:00:00-06:00"],
    ]);
  });

  it("answers null for an unknown or malformed id", async () => {
    const admin = await createStaffMember("ADMIN");
    expect(await loadTherapistSchedule(admin, "00000000-0000-4000-8000-000000000009", NOW)).toBeNull();
    expect(await loadTherapistSchedule(admin, "not-an-id", NOW)).toBeNull();
  });
});

describe("listTherapistsForSchedules", () => {
  it("lists active therapists only", async () => {
    const p = await createPractice({ therapists: 2 });
    await getPrisma().therapist.update({ where: { id: p.therapists[1]!.id }, data: { active: false, slug: uniq("gone") } });
    const ids = (await listTherapistsForSchedules(await createStaffMember("ADMIN"))).map((t) => t.id);
    expect(ids).toContain(p.therapists[0]!.id);
    expect(ids).not.toContain(p.therapists[1]!.id);
  });
});
