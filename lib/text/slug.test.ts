import { describe, expect, it } from "vitest";
import { freeSlug, slugFor } from "./slug";

describe("slugFor", () => {
  it("drops accents and joins words with hyphens", () => {
    expect(slugFor("Fisioterapia Cañón  Ñandú")).toBe("fisioterapia-canon-nandu");
  });

  it("keeps nothing but letters, digits and hyphens, and at most 60 characters", () => {
    const slug = slugFor(`<script>${"a b ".repeat(40)}`);
    expect(slug).toMatch(/^[a-z0-9-]+$/);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.endsWith("-")).toBe(false);
  });

  it("falls back when nothing is left", () => {
    expect(slugFor("***", "location")).toBe("location");
  });
});

describe("freeSlug", () => {
  it("takes the first free suffix", async () => {
    const held = new Set(["west", "west-2"]);
    expect(await freeSlug("West", async (s) => held.has(s))).toBe("west-3");
    expect(await freeSlug("East", async (s) => held.has(s))).toBe("east");
  });
});
