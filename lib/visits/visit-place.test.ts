import { describe, expect, it } from "vitest";
import { describeVisitPlace, mapSearchUrl, type PlaceFields } from "./visit-place";

const base: PlaceFields = {
  mode: "CLINIC",
  location: { name: "Westside", region: "TX" },
  room: { name: "Treatment room 2" },
  visitAddressLine1: null,
  visitAddressLine2: null,
  visitCity: null,
  visitPostalCode: null,
};

describe("describeVisitPlace", () => {
  it("names the clinic and the room, or says no room is set", () => {
    expect(describeVisitPlace(base)).toEqual({ mode: "CLINIC", locationName: "Westside", roomName: "Treatment room 2" });
    expect(describeVisitPlace({ ...base, room: null })).toEqual({ mode: "CLINIC", locationName: "Westside", roomName: null });
  });

  it("gives a home visit its address and a map search for it", () => {
    const place = describeVisitPlace({
      ...base,
      mode: "HOME",
      room: null,
      visitAddressLine1: "4410 Loma Del Norte Dr",
      visitAddressLine2: "Apt #2",
      visitCity: "El Paso",
      visitPostalCode: "79912",
    });
    expect(place).toEqual({
      mode: "HOME",
      address: "4410 Loma Del Norte Dr, Apt #2, El Paso, TX 79912",
      mapUrl: "https://www.openstreetmap.org/search?query=4410%20Loma%20Del%20Norte%20Dr%2C%20Apt%20%232%2C%20El%20Paso%2C%20TX%2079912",
    });
  });

  it("leaves out address parts that were not given", () => {
    const place = describeVisitPlace({ ...base, mode: "HOME", visitAddressLine1: "12 Sunset Rd", visitPostalCode: "79912" });
    expect(place).toMatchObject({ address: "12 Sunset Rd, TX 79912" });
  });

  it("says nothing more than video for a video visit", () => {
    expect(describeVisitPlace({ ...base, mode: "VIDEO", room: null })).toEqual({ mode: "VIDEO" });
  });
});

describe("mapSearchUrl", () => {
  it("encodes characters that would end the query", () => {
    expect(mapSearchUrl("1 A&B St?x=1")).toBe("https://www.openstreetmap.org/search?query=1%20A%26B%20St%3Fx%3D1");
  });
});
