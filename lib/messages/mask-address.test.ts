import { describe, expect, it } from "vitest";
import { maskAddress } from "./mask-address";

describe("maskAddress", () => {
  it("keeps the first letter and the domain only", () => {
    expect(maskAddress("ana.lopez@example.com")).toBe("a…@example.com");
    expect(maskAddress("x@clinic.test")).toBe("x…@clinic.test");
  });
  it("shows nothing of something that is not an address", () => {
    expect(maskAddress("")).toBe("…");
    expect(maskAddress("@example.com")).toBe("…");
  });
});
