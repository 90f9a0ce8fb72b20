"use client";

import { useEffect, useRef, useState } from "react";
import { releaseHeldTime } from "@/components/booking/api-client";
import type { Language } from "@/lib/i18n/languages";
import { primaryButton } from "../button-styles";
import { clearPendingPayment, readPendingPayment } from "../pending-payment-storage";

interface PaymentCancelledStatusProps {
  language: Language;
  words: { title: string; body: string; releasing: string; chooseTime: string };
}

/**
 * Lets the held time go as soon as the patient is back, rather than when the
 * hold would have run out, and offers the time step again: the booking draft
 * is still in the tab, so the details typed are kept.
 */
export function PaymentCancelledStatus({ language, words }: PaymentCancelledStatusProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [released, setReleased] = useState(false);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  useEffect(() => {
    const pending = readPendingPayment();
    const done = () => {
      clearPendingPayment();
      setReleased(true);
    };
    if (!pending) {
      const id = window.setTimeout(done, 0);
      return () => window.clearTimeout(id);
    }
    // Nothing was charged whatever the answer: a hold not let go now runs out by itself within minutes.
    releaseHeldTime(pending.manageToken).then(done, done);
  }, []);

  return (
    <section aria-labelledby="payment-cancelled-heading" className="space-y-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <h1 id="payment-cancelled-heading" ref={headingRef} tabIndex={-1} className="text-3xl font-bold tracking-tight text-brand-900">
        {words.title}
      </h1>
      <p role="status" className="text-lg text-slate-800">
        {released ? words.body : words.releasing}
      </p>
      <p>
        <a href={`/${language}/book?step=time`} className={primaryButton}>
          {words.chooseTime}
        </a>
      </p>
    </section>
  );
}
