import { describe, expect, it } from "vitest";
import { serviceStrandReason, type ServiceTerms } from "./stranded";

const BEFORE: ServiceTerms = { active: true, durationMinutes: 45, visitModes: ["CLINIC", "HOME"], therapistIds: ["t1", "t2"] };
const visit = { mode: "HOME" as const, therapistId: "t1" };

describe("serviceStrandReason", () => {
  it("leaves a visit alone when nothing it depends on changes", () => {
    expect(serviceStrandReason(visit, BEFORE, { ...BEFORE, visitModes: ["HOME"], therapistIds: ["t1"] })).toBeNull();
  });

  it("names the change that leaves the visit behind, the weightiest first", () => {
    expect(serviceStrandReason(visit, BEFORE, { ...BEFORE, active: false, durationMinutes: 60 })).toBe("service-inactive");
    expect(serviceStrandReason(visit, BEFORE, { ...BEFORE, durationMinutes: 60, visitModes: ["CLINIC"] })).toBe("duration-changed");
    expect(serviceStrandReason(visit, BEFORE, { ...BEFORE, visitModes: ["CLINIC"], therapistIds: ["t2"] })).toBe("mode-removed");
    expect(serviceStrandReason(visit, BEFORE, { ...BEFORE, therapistIds: ["t2"] })).toBe("therapist-removed");
  });

  it("does not blame a change on visits of another mode or therapist", () => {
    expect(serviceStrandReason({ mode: "CLINIC", therapistId: "t2" }, BEFORE, { ...BEFORE, visitModes: ["CLINIC"], therapistIds: ["t2"] })).toBeNull();
  });

  it("does not list again the visits of a service that was already withdrawn", () => {
    const inactive = { ...BEFORE, active: false };
    expect(serviceStrandReason(visit, inactive, { ...inactive, descriptionEn: "new" } as ServiceTerms)).toBeNull();
  });
});
