"use client";

import { z } from "zod";

// zod compiles fast validators from strings when it may; under the
// Content-Security-Policy it may not, and even its probe for whether it may is
// reported as a violation. Loading this module in the browser turns the
// probe and the compiling off before any schema runs.
z.config({ jitless: true });

/** Renders nothing: placed in each root layout so that the module above loads on every page. */
export function CspSafeZod() {
  return null;
}
