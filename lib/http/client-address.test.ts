import { describe, expect, it } from "vitest";
import { resolveClientAddress } from "./client-address";

describe("resolveClientAddress", () => {
  it("ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(resolveClientAddress("203.0.113.9", "198.51.100.1", 0)).toBe("203.0.113.9");
  });

  it("takes the address the trusted proxy saw", () => {
    expect(resolveClientAddress("10.0.0.2", "198.51.100.1", 1)).toBe("198.51.100.1");
  });

  it("does not let a client prepend addresses past the trusted hops", () => {
    expect(resolveClientAddress("10.0.0.2", "1.2.3.4, 198.51.100.1", 1)).toBe("198.51.100.1");
    expect(resolveClientAddress("10.0.0.3", "1.2.3.4, 198.51.100.1, 10.0.0.2", 2)).toBe("198.51.100.1");
  });

  it("falls back to the leftmost address when the chain is shorter than the hops", () => {
    expect(resolveClientAddress("10.0.0.2", undefined, 3)).toBe("10.0.0.2");
  });

  it("unwraps IPv4-mapped IPv6 addresses", () => {
    expect(resolveClientAddress("::ffff:127.0.0.1", undefined, 0)).toBe("127.0.0.1");
  });
});
