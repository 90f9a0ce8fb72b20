"use client";

import { useEffect, useRef } from "react";

/**
 * Moves focus to the returned element each time a new answer arrives (a
 * refusal, a confirmation): every answer is a new object, so the same
 * message twice still takes focus and a screen reader reads it again.
 */
export function useFocusOn<E extends HTMLElement>(answer: object | null) {
  const ref = useRef<E>(null);
  useEffect(() => {
    if (answer) ref.current?.focus();
  }, [answer]);
  return ref;
}
