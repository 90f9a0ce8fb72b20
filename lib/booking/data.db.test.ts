import { describe, expect, it } from "vitest";
import { createPractice } from "../../test/fixtures";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { activeLocations, findService, findServiceWithLocations } from "./data";

describe("the availability search's service and locations, read in one statement", () => {
  it("are the rows findService and activeLocations give, in the same order and with the same values", async () => {
    const { location, service } = await createPractice({ timeZone: "America/Denver" });
    // A closed location and one with its optional fields empty must come out as Prisma reads them.
    const closed = await createPractice();
    await getPrisma().location.update({ where: { id: closed.location.id }, data: { active: false } });
    await getPrisma().location.update({ where: { id: location.id }, data: { addressLine2: null, phone: null } });

    // Other test files add locations meanwhile: compare this test's own.
    const own = new Set([location.id, closed.location.id]);
    const ours = <T extends { id: string }>(list: T[]) => list.filter((l) => own.has(l.id));
    for (const idOrSlug of [service.id, service.slug]) {
      for (const locationId of [undefined, location.id, closed.location.id]) {
        const [expectedService, expectedLocations] = await Promise.all([findService(idOrSlug), activeLocations(locationId)]);
        const read = await findServiceWithLocations(idOrSlug, locationId);
        expect(read.service).toStrictEqual(expectedService);
        expect(ours(read.locations)).toStrictEqual(ours(expectedLocations));
        expect(ours(read.locations)).toHaveLength(locationId === closed.location.id ? 0 : 1);
      }
    }
  });

  it("refuses a service that is not offered as findService does", async () => {
    const { service } = await createPractice();
    await getPrisma().service.update({ where: { id: service.id }, data: { active: false } });
    for (const idOrSlug of [service.id, service.slug, "no-such-service"]) {
      const expected = await findService(idOrSlug).catch((e: unknown) => e);
      const error = await findServiceWithLocations(idOrSlug, undefined).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toStrictEqual(expected);
    }
  });
});
