import { describe, expect, it } from "vitest";
import { turnOffZodJit } from "./zod-jitless";

describe("turnOffZodJit", () => {
  it("is the setting zod reads, whether zod loads after it or was loaded before", async () => {
    turnOffZodJit();
    const { z } = await import("zod");
    expect(z.config().jitless).toBe(true);
    z.config({ jitless: false });
    turnOffZodJit();
    expect(z.config().jitless).toBe(true);
  });
});
