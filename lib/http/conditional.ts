/**
 * Whether the client's copy is current: `If-None-Match` holds this ETag (or
 * `*`). A weak form of the tag matches too, as RFC 9110 asks for GET.
 */
export function clientHasCurrent(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === opaque(etag));
}

/**
 * Revalidate every time, and keep it out of shared caches: the browser still
 * stores the last body and sends its ETag, so an unchanged answer is a 304.
 */
export const REVALIDATE_PRIVATELY = "private, no-cache";
