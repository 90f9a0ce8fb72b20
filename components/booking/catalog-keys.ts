// The booking catalog's query keys, shared by the page that prefetches it on
// the server and the hooks that read it in the browser: a key that differs
// would make the browser fetch what the HTML already carries.
export const catalogQueryKeys = {
  reasons: ["reasons"],
  services: ["services"],
  locations: ["locations"],
  therapists: ["therapists"],
} as const;

// The clinic's catalog changes rarely; five minutes without refetching is plenty.
export const catalogStaleTime = 5 * 60_000;
