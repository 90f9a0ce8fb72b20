import { z } from "zod";

/**
 * A URL-safe slug for a name: accents dropped, lower case, words joined by
 * hyphens, at most 60 characters. Slugs name locations, services and
 * therapists in public URLs, so they never carry anything but [a-z0-9-].
 */
export function slugFor(name: string, fallback = "item"): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || fallback;
}

/**
 * The slug for a name that no row holds yet: the plain slug, else the slug
 * with the first free suffix (-2, -3 …). `taken` answers for one candidate.
 * The unique index on the slug column stays the guarantee.
 */
export async function freeSlug(name: string, taken: (slug: string) => Promise<boolean>, fallback = "item"): Promise<string> {
  const base = slugFor(name, fallback);
  if (!(await taken(base))) return base;
  for (let n = 2; n < 1_000; n++) {
    const candidate = `${base.slice(0, 55)}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
  return `${base.slice(0, 40)}-${Date.now().toString(36)}`;
}

/**
 * A slug chosen rather than made from a name (the demo clinic's addresses,
 * kept fixed because links and the API name them): the same characters a
 * made one has.
 */
export const slugSchema = z
  .string({ error: "Enter the slug in lowercase letters, digits and hyphens." })
  .trim()
  .max(60, "Use at most 60 characters for the slug.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens for the slug, e.g. main-street.");

/**
 * The slug a new row gets: the one asked for, or null when a row already
 * holds it (the caller says so under its own field); without one asked for,
 * the free slug for the name.
 */
export async function slugToUse(wanted: string | null | undefined, name: string, taken: (slug: string) => Promise<boolean>, fallback: string): Promise<string | null> {
  if (!wanted) return freeSlug(name, taken, fallback);
  return (await taken(wanted)) ? null : wanted;
}

/** What a refused slug says, for a location, service, therapist or reason. */
export function slugTakenMessage(what: string): string {
  return `Another ${what} already uses the slug in its links. Choose a different slug.`;
}
