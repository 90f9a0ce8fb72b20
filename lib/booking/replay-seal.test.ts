import { describe, expect, it } from "vitest";
import { canonicalJson, hashBookingBody, openManageToken, sealManageToken } from "./replay-seal";

describe("the sealed manage token of a booking form", () => {
  const token = "t".repeat(43);
  const key = "0b8f3a52-5a7e-4c47-9a55-2f4b1f0e9d21";
  const body = hashBookingBody({ start: "2026-11-24T09:00:00-06:00", patient: { firstName: "Ana" } });

  it("opens with the same key and the same request only", () => {
    const sealed = sealManageToken(token, key, body);
    expect(sealed).not.toContain(token);
    expect(openManageToken(sealed, key, body)).toBe(token);
    expect(openManageToken(sealed, `${key}x`, body)).toBeNull();
    expect(openManageToken(sealed, key, hashBookingBody({ start: "2026-11-24T09:30:00-06:00", patient: { firstName: "Ana" } }))).toBeNull();
    expect(openManageToken("garbage", key, body)).toBeNull();
  });

  it("hashes a request the same whatever its key order, and leaves the idempotency key out", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: undefined } })).toBe('{"a":{"d":[1,{"e":3,"f":2}]},"b":1}');
    expect(hashBookingBody({ idempotencyKey: "one-key-of-16-chars", start: "x" })).toBe(hashBookingBody({ start: "x", idempotencyKey: "another-key-16-ch" }));
    expect(hashBookingBody({ start: "x" })).not.toBe(hashBookingBody({ start: "y" }));
  });
});
