import { describe, expect, it } from "vitest";
import { createTemporaryPassword } from "./temporary-password";

describe("createTemporaryPassword", () => {
  it("makes a password of at least 12 characters without look-alike characters", () => {
    const password = createTemporaryPassword();
    expect(password).toMatch(/^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$/);
    expect(password.length).toBeGreaterThanOrEqual(12);
  });

  it("never repeats itself", () => {
    const seen = new Set(Array.from({ length: 1000 }, createTemporaryPassword));
    expect(seen.size).toBe(1000);
  });
});
