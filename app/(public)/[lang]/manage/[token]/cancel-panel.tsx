"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { BookingDto } from "@/lib/booking/api-types";
import { cancelBooking } from "@/components/booking/api-client";
import { formatPrice } from "@/lib/i18n/format-price";
import type { Language } from "@/lib/i18n/languages";
import { changeFailure, isStaleBooking } from "./change-failure";

interface CancelPanelProps {
  token: string;
  booking: BookingDto;
  language: Language;
  onDone: (booking: BookingDto) => void;
  onClose: () => void;
}

export function CancelPanel({ token, booking, language, onDone, onClose }: CancelPanelProps) {
  const t = useTranslations("manage.cancel");
  const failureText = useTranslations("manage.failure");
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The button that opened the panel is gone; start the patient at the panel's heading.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const [reason, setReason] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const mutation = useMutation({ mutationFn: () => cancelBooking(token, reason.trim() || undefined) });

  const cancel = () => {
    setFailure(null);
    mutation.mutate(undefined, {
      onSuccess: onDone,
      onError: (error) => {
        if (isStaleBooking(error)) void queryClient.invalidateQueries({ queryKey: ["booking", token] });
        setFailure(failureText(changeFailure(error)));
      },
    });
  };

  // What cancelling now gives back and keeps, shown before the patient confirms; the cancellation decides it again at its own instant.
  const money = booking.money;
  const preview = money?.ifCancelledNow ?? null;
  const price = (cents: number) => formatPrice(cents, money?.currency ?? booking.service.currency.toUpperCase(), language);
  const moneyLines: string[] = [];
  if (money && preview && money.paidCents - money.refundedCents > 0) {
    const paid = price(money.paidCents - money.refundedCents);
    if (preview.refundCents > 0) moneyLines.push(t("refundPreview", { paid, refund: price(preview.refundCents) }));
    if (preview.keptCents > 0) moneyLines.push(preview.refundCents > 0 ? t("keptPreview", { kept: price(preview.keptCents) }) : t("nothingBack", { paid }));
  }
  if (money?.cardOnFile && preview && preview.late && preview.chargeCents > 0) moneyLines.push(t("cardFee", { fee: price(preview.chargeCents) }));

  return (
    <section aria-labelledby="cancel-heading" className="space-y-4 rounded-xl border border-slate-300 p-4">
      <h3 id="cancel-heading" ref={headingRef} tabIndex={-1} className="text-lg font-bold text-slate-900">
        {t("heading")}
      </h3>
      {failure ? (
        <p role="alert" className="rounded-lg border-2 border-red-700 p-3 font-semibold text-red-800">
          {failure}
        </p>
      ) : null}
      {moneyLines.length > 0 ? (
        <div id="cancel-money" className="space-y-1 rounded-lg border border-slate-300 bg-slate-50 p-3 text-slate-900">
          {moneyLines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      ) : null}
      <div>
        <label htmlFor="cancel-reason" className="block font-medium text-slate-900">
          {t("reasonLabel")}
        </label>
        <p id="cancel-reason-hint" className="mt-0.5 text-sm text-slate-600">
          {t("reasonHint")}
        </p>
        <textarea
          id="cancel-reason"
          aria-describedby="cancel-reason-hint"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          maxLength={500}
          rows={3}
          className="mt-1.5 block w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-base text-slate-900"
        />
      </div>
      <div className="flex flex-col gap-3 sm:flex-row">
        <button
          type="button"
          onClick={cancel}
          disabled={mutation.isPending}
          aria-describedby={moneyLines.length > 0 ? "cancel-money" : undefined}
          className="inline-flex min-h-12 items-center justify-center rounded-xl bg-red-700 px-5 py-3 font-semibold text-white hover:bg-red-800 disabled:cursor-wait disabled:bg-slate-500"
        >
          {mutation.isPending ? t("saving") : t("confirm")}
        </button>
        <button
          type="button"
          onClick={onClose}
          className="inline-flex min-h-12 items-center justify-center rounded-xl border border-slate-300 bg-white px-5 py-3 font-semibold text-brand-800 hover:bg-brand-50"
        >
          {t("keep")}
        </button>
      </div>
    </section>
  );
}
