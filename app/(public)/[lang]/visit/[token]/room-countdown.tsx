"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { announcesAt, clockOffset, minutesLeft, msUntilOpen, sayWait, waitInMinutes, waitUntilOpen, type WaitWords } from "@/lib/video/room-countdown";

/** A refresh that left the room shut (the server's clock said not yet, or the network failed) is tried again after this. */
const RETRY_MS = 3_000;
const TICK_MS = 1_000;

interface RoomCountdownProps {
  /** When the room opens and when the server rendered the page, both in epoch milliseconds of the server's clock. */
  opensAt: number;
  serverNow: number;
}

/**
 * Counts down to the room's opening and then asks the server for the page
 * again, which renders the room itself: the patient never reloads. Time is
 * the server's, estimated from the client's clock plus the offset seen at
 * render, so a phone set an hour wrong still opens on time.
 */
export function RoomCountdown({ opensAt, serverNow }: RoomCountdownProps) {
  const t = useTranslations("videoJoin.countdown");
  const words = useMemo<WaitWords>(() => ({ unit: (unit, count) => t(unit, { count }), both: (larger, smaller) => t("both", { larger, smaller }) }), [t]);
  const router = useRouter();
  const [, startTransition] = useTransition();
  // The first render (server and hydration alike) shows the wait as the server saw it.
  const [remaining, setRemaining] = useState(() => Math.max(0, opensAt - serverNow));
  const [announcement, setAnnouncement] = useState("");
  const lastAnnounced = useRef<number | null>(null);

  useEffect(() => {
    // A fresh render from the server (after a refresh that came too early) brings a new serverNow: measure again.
    const offset = clockOffset(serverNow, Date.now());
    let lastRefresh = -Infinity;
    const tick = () => {
      const left = msUntilOpen(opensAt, Date.now(), offset);
      setRemaining(left);
      const minutes = minutesLeft(left);
      // The first figure is on screen already; only the moments it reaches later are spoken.
      if (lastAnnounced.current === null) lastAnnounced.current = minutes;
      else if (minutes !== lastAnnounced.current && announcesAt(minutes)) {
        setAnnouncement(minutes === 0 ? t("announceOpening") : t("announce", { wait: sayWait(waitInMinutes(minutes), words) }));
        lastAnnounced.current = minutes;
      }
      if (left === 0 && Date.now() - lastRefresh >= RETRY_MS) {
        lastRefresh = Date.now();
        startTransition(() => router.refresh());
      }
    };
    tick();
    const interval = window.setInterval(tick, TICK_MS);
    // A phone that slept may hold back the interval a while; waking recomputes at once.
    const onVisible = () => {
      if (document.visibilityState === "visible") tick();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.clearInterval(interval);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [opensAt, serverNow, t, words, router]);

  return (
    <div className="mt-4">
      <p role="timer" aria-atomic="true" className="text-2xl font-bold" data-testid="room-countdown">
        {remaining > 0 ? (
          <>
            {t("opensIn")} <span className="tabular-nums">{sayWait(waitUntilOpen(remaining), words)}</span>
          </>
        ) : (
          t("opening")
        )}
      </p>
      <p aria-live="polite" aria-atomic="true" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
