"use client";

import { useSyncExternalStore } from "react";

// The browser's zone is unknown on the server, so the server snapshot is null
// and the first client render matches the server's HTML; React then renders
// again with the browser's zone.

const neverChanges = () => () => {};

function browserZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

/** The patient's own IANA time zone, or null until the page runs in the browser. */
export function usePatientTimeZone(): string | null {
  return useSyncExternalStore(neverChanges, browserZone, () => null);
}
