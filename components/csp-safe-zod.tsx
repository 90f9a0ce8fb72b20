"use client";

import { turnOffZodJit } from "@/lib/http/zod-jitless";

// Loading this module in the browser turns zod's compiling of validators off
// (the Content-Security-Policy forbids it) before any schema runs, without
// loading zod: the schemas come only with the pages that use them.
turnOffZodJit();

/** Renders nothing: placed in each root layout so that the module above loads on every page. */
export function CspSafeZod() {
  return null;
}
