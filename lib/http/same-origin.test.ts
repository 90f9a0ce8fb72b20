import { describe, expect, it } from "vitest";
import { foreignOriginProblem, needsSameOrigin } from "./same-origin";

describe("needsSameOrigin", () => {
  it("covers staff and video writes and server actions, not reads or the public API", () => {
    expect(needsSameOrigin("POST", "/api/staff/appointments")).toBe(true);
    expect(needsSameOrigin("patch", "/api/staff/appointments/1")).toBe(true);
    expect(needsSameOrigin("DELETE", "/api/video/participants/1")).toBe(true);
    expect(needsSameOrigin("POST", "/staff/calendar")).toBe(true);
    expect(needsSameOrigin("GET", "/api/staff/calendar")).toBe(false);
    expect(needsSameOrigin("POST", "/api/bookings")).toBe(false);
    expect(needsSameOrigin("POST", "/api/auth/callback/credentials")).toBe(false);
  });
});

describe("foreignOriginProblem", () => {
  const host = "clinic.example:3000";
  it("accepts the page's own origin", () => {
    expect(foreignOriginProblem({ origin: "http://clinic.example:3000", host, publicBaseUrl: undefined })).toBeNull();
  });

  it("refuses a missing, opaque, malformed or foreign origin", () => {
    expect(foreignOriginProblem({ origin: undefined, host, publicBaseUrl: undefined })).toMatch(/missing/);
    expect(foreignOriginProblem({ origin: "null", host, publicBaseUrl: undefined })).toMatch(/missing/);
    expect(foreignOriginProblem({ origin: "not a url", host, publicBaseUrl: undefined })).toMatch(/malformed/);
    expect(foreignOriginProblem({ origin: "http://blog.clinic.example:3000", host, publicBaseUrl: undefined })).toMatch(/another site/);
  });

  it("compares with the configured public address when there is one", () => {
    const publicBaseUrl = "https://book.clinic.example";
    expect(foreignOriginProblem({ origin: "https://book.clinic.example", host: "10.0.0.5:3000", publicBaseUrl })).toBeNull();
    expect(foreignOriginProblem({ origin: "http://book.clinic.example", host: "book.clinic.example", publicBaseUrl })).toMatch(/another site/);
  });
});
