import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";

describe("buildOpenApiDocument", () => {
  const doc = buildOpenApiDocument("http://localhost:3000");

  it("documents every public route", () => {
    expect(Object.keys(doc.paths).sort()).toEqual(
      ["/api/availability", "/api/bookings", "/api/bookings/lookup", "/api/bookings/{token}", "/api/bookings/{token}/ics", "/api/bookings/{token}/release", "/api/locations", "/api/programs/{token}/sessions", "/api/reasons", "/api/services", "/api/therapists"].sort(),
    );
  });

  it("derives the booking body from the validation schema", () => {
    const schema = doc.paths["/api/bookings"].post.requestBody.content["application/json"].schema as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(expect.arrayContaining(["service", "start", "mode", "locationId", "patient"]));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["therapistId", "reason", "language", "idempotencyKey"]));
  });

  it("documents find my booking: its body from the validation schema and one answer for every address", () => {
    const lookup = doc.paths["/api/bookings/lookup"].post;
    const schema = lookup.requestBody.content["application/json"].schema as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toContain("email");
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["email", "language"]));
    expect(Object.keys(lookup.responses)).toEqual(expect.arrayContaining(["202", "422", "429"]));
  });

  it("lists the availability query parameters with the required ones marked", () => {
    const params = doc.paths["/api/availability"].get.parameters;
    const required = params.filter((p) => p.required).map((p) => p.name).sort();
    expect(required).toEqual(["from", "service", "to"]);
    expect(params.map((p) => p.name)).toEqual(expect.arrayContaining(["location", "therapist", "mode", "postalCode", "language"]));
  });

  it("accepts VIDEO on availability and bookings", () => {
    const mode = doc.paths["/api/availability"].get.parameters.find((p) => p.name === "mode")?.schema as { enum: string[] };
    expect(mode.enum).toContain("VIDEO");
    const location = doc.paths["/api/availability"].get.parameters.find((p) => p.name === "location");
    expect(location?.required).toBe(false);
    const schema = doc.paths["/api/bookings"].post.requestBody.content["application/json"].schema as { properties: { mode: { enum: string[] } } };
    expect(schema.properties.mode.enum).toContain("VIDEO");
  });

  it("documents the join link on a new booking and on a booking read back", () => {
    type Shape = { required?: string[]; properties: Record<string, { type?: unknown }> };
    const created = doc.paths["/api/bookings"].post.responses[201].content["application/json"].schema as Shape;
    expect(created.required).toContain("joinUrl");
    expect(created.properties.joinUrl?.type).toEqual(["string", "null"]);
    const read = doc.paths["/api/bookings/{token}"].get.responses[200].content["application/json"].schema as Shape;
    expect(read.properties.joinUrl?.type).toEqual(["string", "null"]);
  });

  it("lists the video room's error codes", () => {
    const error = doc.paths["/api/bookings/{token}"].get.responses[404].content["application/json"].schema as {
      properties: { error: { properties: { code: { enum: string[] } } } };
    };
    expect(error.properties.error.properties.code.enum).toEqual(expect.arrayContaining(["ROOM_NOT_OPEN", "ROOM_IN_USE", "SLOT_TAKEN"]));
  });
});
