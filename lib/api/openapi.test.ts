import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";

describe("buildOpenApiDocument", () => {
  const doc = buildOpenApiDocument("http://localhost:3000");

  it("documents every public route", () => {
    expect(Object.keys(doc.paths).sort()).toEqual(
      ["/api/availability", "/api/bookings", "/api/bookings/{token}", "/api/bookings/{token}/ics", "/api/locations", "/api/reasons", "/api/services", "/api/therapists"].sort(),
    );
  });

  it("derives the booking body from the validation schema", () => {
    const schema = doc.paths["/api/bookings"].post.requestBody.content["application/json"].schema as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(expect.arrayContaining(["service", "start", "mode", "locationId", "patient"]));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["therapistId", "reason", "language", "idempotencyKey"]));
  });

  it("lists the availability query parameters with the required ones marked", () => {
    const params = doc.paths["/api/availability"].get.parameters;
    const required = params.filter((p) => p.required).map((p) => p.name).sort();
    expect(required).toEqual(["from", "service", "to"]);
    expect(params.map((p) => p.name)).toEqual(expect.arrayContaining(["location", "therapist", "mode", "postalCode"]));
  });
});
