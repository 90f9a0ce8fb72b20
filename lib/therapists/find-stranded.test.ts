import { describe, expect, it } from "vitest";
import { findTherapistStranded, type TherapistOffer } from "./find-stranded";

const offer: TherapistOffer = { active: true, visitModes: ["CLINIC", "HOME"], locationIds: ["L1", "L2"], serviceIds: ["S1", "S2"] };
const visits = [
  { id: "late", locationId: "L2", serviceId: "S2", mode: "HOME" as const, start: 300 },
  { id: "early", locationId: "L1", serviceId: "S1", mode: "CLINIC" as const, start: 100 },
];
const ids = (after: TherapistOffer) => findTherapistStranded(visits, after).map((s) => `${s.visit.id}:${s.reason}`);

describe("findTherapistStranded", () => {
  it("strands nothing when everything the visits use is still offered", () => {
    expect(ids(offer)).toEqual([]);
  });

  it("strands every visit, soonest first, when the therapist is deactivated", () => {
    expect(ids({ ...offer, active: false })).toEqual(["early:therapist-inactive", "late:therapist-inactive"]);
  });

  it("strands the visits at a removed location, in a removed mode or of a removed service", () => {
    expect(ids({ ...offer, locationIds: ["L1"] })).toEqual(["late:location-removed"]);
    expect(ids({ ...offer, visitModes: ["CLINIC"] })).toEqual(["late:mode-removed"]);
    expect(ids({ ...offer, serviceIds: ["S2"] })).toEqual(["early:service-removed"]);
  });
});
