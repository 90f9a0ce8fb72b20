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
