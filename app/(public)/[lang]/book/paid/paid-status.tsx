"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { fetchBooking } from "@/components/booking/api-client";
import type { Language } from "@/lib/i18n/languages";
import { clearStoredDraft } from "../booking-draft-storage";
import { clearPendingPayment, readPendingPayment } from "../pending-payment-storage";

interface PaidStatusProps {
  language: Language;
  words: { title: string; confirming: string; slow: string; noToken: string; call: string | null };
  phone: string | null;
}

/** How often the visit is looked for, and for how long before the patient is told to rely on the email. */
const POLL_MS = 2_000;
const GIVE_UP_MS = 60_000;

type Phase = "confirming" | "slow" | "no-token";

/**
 * Follows the held visit until the payment's webhook has booked it, then
 * opens its confirmation. Until then its link opens nothing (a held time is
 * not a visit), so every look answers "not found" and reveals nothing.
 */
export function PaidStatus({ language, words, phone }: PaidStatusProps) {
  const router = useRouter();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [phase, setPhase] = useState<Phase>("confirming");

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  useEffect(() => {
    const pending = readPendingPayment();
    if (!pending) {
      // Paid on another device, or storage is off: the confirmation email carries the link.
      const id = window.setTimeout(() => setPhase("no-token"), 0);
      return () => window.clearTimeout(id);
    }
    const controller = new AbortController();
    const startedAt = Date.now();
    let timer: number | undefined;
    const look = async () => {
      try {
        const booking = await fetchBooking(pending.manageToken, controller.signal);
        if (booking.status === "BOOKED") {
          clearPendingPayment();
          clearStoredDraft();
          router.replace(`/${language}/manage/${encodeURIComponent(pending.manageToken)}?booked=1`);
          return;
        }
      } catch {
        if (controller.signal.aborted) return;
        // Not booked yet (the link opens nothing until then), or the network hiccuped: look again.
      }
      if (Date.now() - startedAt >= GIVE_UP_MS) return setPhase("slow");
      timer = window.setTimeout(() => void look(), POLL_MS);
    };
    void look();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [language, router]);

  return (
    <section aria-labelledby="paid-heading" className="space-y-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <h1 id="paid-heading" ref={headingRef} tabIndex={-1} className="text-3xl font-bold tracking-tight text-brand-900">
        {words.title}
      </h1>
      <p role="status" className="text-lg text-slate-800">
        {phase === "confirming" ? words.confirming : phase === "slow" ? words.slow : words.noToken}
      </p>
      {phase !== "confirming" && words.call && phone ? (
        <p className="font-medium text-slate-900">
          <a href={`tel:${phone.replace(/[^+\d]/g, "")}`} className="text-brand-800 underline underline-offset-2">
            {words.call}
          </a>
        </p>
      ) : null}
    </section>
  );
}
