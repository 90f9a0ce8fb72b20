import { describe, expect, it } from "vitest";
import type { LocationDto, TherapistDto } from "./api-types";
import { videoSearchZone, videoTherapistsFor } from "./video-therapists";

function location(id: string, name: string, timeZone: string): LocationDto {
  return {
    id,
    slug: id,
    name,
    address: { line1: "1 Test Way", line2: null, city: "Testville", region: "TX", postalCode: "79912", country: "US" },
    phone: null,
    timeZone,
    homePostalCodes: [],
  };
}

function therapist(id: string, overrides: Partial<TherapistDto>): TherapistDto {
  return {
    id,
    slug: id,
    firstName: id,
    lastName: "Test",
    credentials: "PT",
    bio: { en: "", es: "" },
    photoUrl: null,
    languages: ["en"],
    visitModes: ["CLINIC", "VIDEO"],
    locationIds: ["west"],
    serviceIds: ["review"],
    ...overrides,
  };
}

const locations = [location("west", "Westside", "America/Denver"), location("east", "Eastside", "America/New_York")];

describe("videoTherapistsFor", () => {
  it("keeps therapists who give the service by video at any open location", () => {
    const therapists = [
      therapist("video-west", {}),
      therapist("video-east", { locationIds: ["east"] }),
      therapist("clinic-only", { visitModes: ["CLINIC", "HOME"] }),
      therapist("other-service", { serviceIds: ["screening"] }),
      therapist("closed-location", { locationIds: ["gone"] }),
    ];
    expect(videoTherapistsFor(locations, therapists, "review").map((t) => t.id)).toEqual(["video-west", "video-east"]);
  });
});

describe("videoSearchZone", () => {
  const therapists = [therapist("video-west", {}), therapist("video-east", { locationIds: ["east"] })];

  it("takes the zone of the first location by name where a video therapist works", () => {
    expect(videoSearchZone(locations, therapists, { serviceId: "review", therapistId: null })).toBe("America/New_York");
  });

  it("follows the chosen therapist", () => {
    expect(videoSearchZone(locations, therapists, { serviceId: "review", therapistId: "video-west" })).toBe("America/Denver");
  });

  it("falls back to the first location, then to UTC", () => {
    expect(videoSearchZone(locations, [], { serviceId: "review", therapistId: null })).toBe("America/New_York");
    expect(videoSearchZone([], [], { serviceId: "review", therapistId: null })).toBe("UTC");
  });
});
