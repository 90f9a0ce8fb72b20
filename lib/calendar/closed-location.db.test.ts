import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, patientInput } from "../../test/fixtures";
import { createBooking } from "../booking/mutations";
import { updateLocation } from "../locations/mutations";
import { loadCalendar } from "./data";

// A closed location leaves the calendar's picker, yet its own board still
// opens: the visits booked there (past ones, and those the desk must move)
// stay in view.

const NOW = new Date("2026-11-23T12:00:00Z");
const ctx = { now: NOW, ipAddress: "127.0.0.1" };
const DAY = "2026-11-24";

describe("a closed location on the calendar", () => {
  it("drops out of the picker and still shows its visits when its board is asked for", async () => {
    const open = await createPractice();
    const closing = await createPractice();
    const admin = await createStaffMember("ADMIN");
    const desk = await createStaffMember("FRONT_DESK");
    const visit = await createBooking(
      { service: closing.service.id, start: `${DAY}T09:00:00-06:00`, mode: "CLINIC", locationId: closing.location.id, therapistId: closing.therapists[0]!.id, patient: patientInput() },
      ctx,
    );
    const l = closing.location;
    const details = { id: l.id, name: l.name, addressLine1: l.addressLine1, city: l.city, region: l.region, postalCode: l.postalCode, country: l.country, timeZone: l.timeZone, active: false };
    expect((await updateLocation(admin, { ...details, confirmStranded: [visit.id] }, ctx)).status).toBe("saved");

    const elsewhere = await loadCalendar(desk, { location: open.location.id, date: DAY, view: "day" });
    expect(elsewhere.locations.map((x) => x.id)).toContain(open.location.id);
    expect(elsewhere.locations.map((x) => x.id)).not.toContain(l.id);

    const board = await loadCalendar(desk, { location: l.id, date: DAY, view: "day" });
    expect(board.appointments.map((a) => a.id)).toContain(visit.id);
    expect(board.locations.find((x) => x.id === l.id)?.name).toBe(`${l.name} (closed)`);
  });
});
