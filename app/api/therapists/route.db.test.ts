import { describe, expect, it } from "vitest";
import { createPractice } from "@/test/fixtures";
import { getPrisma } from "@/lib/db/client";
import { GET as getLocations } from "../locations/route";
import { GET as getTherapists } from "./route";

// A therapist or location closed in the settings leaves the patient's lists
// with the next request: browsers are told not to keep these answers.
describe("GET /api/therapists and /api/locations", () => {
  it("answer with what is open now, and are not kept by browsers", async () => {
    const { location, therapists } = await createPractice();
    const therapist = therapists[0]!;
    const read = async () => {
      const t = await getTherapists(new Request(`http://localhost:3000/api/therapists?location=${location.id}`), { params: Promise.resolve({}) });
      const l = await getLocations(new Request("http://localhost:3000/api/locations"), { params: Promise.resolve({}) });
      return {
        cache: [t.headers.get("cache-control"), l.headers.get("cache-control")],
        therapistIds: ((await t.json()) as { therapists: { id: string }[] }).therapists.map((x) => x.id),
        locationIds: ((await l.json()) as { locations: { id: string }[] }).locations.map((x) => x.id),
      };
    };
    const before = await read();
    expect(before.cache).toEqual(["no-store", "no-store"]);
    expect(before.therapistIds).toContain(therapist.id);
    expect(before.locationIds).toContain(location.id);

    await getPrisma().therapist.update({ where: { id: therapist.id }, data: { active: false } });
    await getPrisma().location.update({ where: { id: location.id }, data: { active: false } });
    const after = await read();
    expect(after.therapistIds).not.toContain(therapist.id);
    expect(after.locationIds).not.toContain(location.id);
  });
});
