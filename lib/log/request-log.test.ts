import { describe, expect, it } from "vitest";
import { chooseRequestId, loggablePath } from "./request-log";

describe("request log lines", () => {
  it("drop the query string and replace link tokens", () => {
    expect(loggablePath("/staff/patients?q=Maria%20Lopez&dob=1980-01-01")).toBe("/staff/patients");
    expect(loggablePath("/en/manage/AbCdEf_123-xyz")).toBe("/en/manage/:token");
    expect(loggablePath("/visit/AbCdEf_123-xyz")).toBe("/visit/:token");
    expect(loggablePath("/es/visit/AbCdEf_123-xyz?x=1")).toBe("/es/visit/:token");
    expect(loggablePath("/api/visit/AbCdEf_123-xyz/join")).toBe("/api/visit/:token/join");
    expect(loggablePath("/api/bookings/AbCdEf_123-xyz/ics")).toBe("/api/bookings/:token/ics");
    expect(loggablePath("/setup/AbCdEf_123-xyz")).toBe("/setup/:token");
    expect(loggablePath("/api/bookings")).toBe("/api/bookings");
    expect(loggablePath("/api/bookings/")).toBe("/api/bookings/");
    expect(loggablePath("/api/availability#frag")).toBe("/api/availability");
  });

  it("take a request id only from a trusted proxy, and only a plain one", () => {
    expect(chooseRequestId("proxy-id-1", true)).toBe("proxy-id-1");
    expect(chooseRequestId("proxy-id-1", false)).not.toBe("proxy-id-1");
    expect(chooseRequestId("bad id\nwith newline", true)).toMatch(/^[0-9a-f-]{36}$/);
    expect(chooseRequestId(undefined, false)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
