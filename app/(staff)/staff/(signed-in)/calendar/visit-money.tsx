"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonClass } from "@/components/form/button";
import type { ErrorDto } from "@/lib/booking/api-types";
import { formatPrice } from "@/lib/i18n/format-price";
import { moneyFormValue, parseMoneyCents } from "@/lib/payments/money-input";
import type { VisitMoneyDto } from "@/lib/visit-money/schema";

// The visit panel's money: what the booking paid, got back and keeps, the
// card on file, a refund of any part of what remains, and the fee the visit's
// outcome calls for, charged to the saved card.

class MoneyRequestError extends Error {}

async function call(url: string, init?: RequestInit): Promise<VisitMoneyDto> {
  const response = await fetch(url, { ...init, headers: { "content-type": "application/json" }, cache: "no-store" });
  const body = (await response.json().catch(() => null)) as (VisitMoneyDto & Partial<ErrorDto>) | null;
  if (!response.ok || !body) throw new MoneyRequestError(body?.error?.message ?? "");
  return body;
}

// The visit's version is in the key: once a change of status is saved (a visit marked missed or
// cancelled has a fee to show), the money is read again.
const moneyKey = (id: string, version: string) => ["visit-money", id, version] as const;

export function VisitMoney({ appointmentId, version }: { appointmentId: string; version: string }) {
  const t = useTranslations("staffVisitMoney");
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: moneyKey(appointmentId, version), queryFn: () => call(`/api/staff/appointments/${appointmentId}/money`), staleTime: 10_000, retry: 1 });
  const [amountText, setAmountText] = useState<string | null>(null);
  const [amountError, setAmountError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // One key per intent: a double click or a resent request is the same refund or charge; the next intent gets a new key.
  const [refundKey, setRefundKey] = useState(() => crypto.randomUUID());
  const [feeKey, setFeeKey] = useState(() => crypto.randomUUID());

  const settled = (money: VisitMoneyDto) => queryClient.setQueryData(moneyKey(appointmentId, version), money);
  const refund = useMutation({
    mutationFn: (amountCents: number) => call(`/api/staff/appointments/${appointmentId}/refunds`, { method: "POST", body: JSON.stringify({ amountCents, requestKey: refundKey }) }),
  });
  const charge = useMutation({
    mutationFn: (kind: "no-show" | "late") => call(`/api/staff/appointments/${appointmentId}/fees`, { method: "POST", body: JSON.stringify({ kind, requestKey: feeKey }) }),
  });

  const money = query.data;
  if (query.isError) {
    return (
      <p role="alert" className="text-sm text-red-800">
        {query.error.message || t("noAnswer")}
      </p>
    );
  }
  if (!money) return <p className="text-sm text-slate-600">{t("loading")}</p>;

  const price = (cents: number) => formatPrice(cents, money.currency, "en");
  const amountValue = amountText ?? moneyFormValue(money.refundableCents);
  const fee = money.fee;

  const submitRefund = () => {
    setNotice(null);
    setFailure(null);
    const cents = parseMoneyCents(amountValue);
    if (cents === null || cents < 1) {
      setAmountError(t("refundInvalid"));
      return;
    }
    setAmountError(null);
    refund.mutate(cents, {
      onSuccess: (updated) => {
        settled(updated);
        setRefundKey(crypto.randomUUID());
        setAmountText(null);
        setNotice(t("refundDone", { amount: price(cents) }));
      },
      onError: (error) => setFailure(error.message || t("noAnswer")),
    });
  };

  const chargeFee = (kind: "no-show" | "late") => {
    setNotice(null);
    setFailure(null);
    charge.mutate(kind, {
      onSuccess: (updated) => {
        settled(updated);
        setNotice(t("chargeDone"));
      },
      onError: (error) => {
        setFailure(error.message || t("noAnswer"));
        void query.refetch();
      },
      // A decline is final for this click: trying again is a new, deliberate attempt.
      onSettled: () => setFeeKey(crypto.randomUUID()),
    });
  };

  return (
    <div className="space-y-3 text-sm">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-600">{t("paid")}</dt>
        <dd>{price(money.paidCents)}</dd>
        <dt className="text-slate-600">{t("refunded")}</dt>
        <dd>{price(money.refundedCents)}</dd>
        <dt className="text-slate-600">{t("net")}</dt>
        <dd>{price(money.netCents)}</dd>
        <dt className="text-slate-600">{t("card")}</dt>
        <dd>{money.cardOnFile ? t("cardYes") : t("cardNo")}</dd>
        {fee ? (
          <>
            <dt className="text-slate-600">{t("fee", { kind: fee.kind })}</dt>
            <dd>
              {fee.paid ? t("feePaid") : fee.chargeCents === 0 ? t("feeCovered") : money.cardOnFile ? t("feeValue", { amount: price(fee.chargeCents) }) : t("feeNoCard")}
            </dd>
          </>
        ) : null}
      </dl>
      {money.lastDecline && fee && !fee.paid ? <p className="text-amber-900">{t("lastDecline", { reason: money.lastDecline })}</p> : null}

      <p role="status" className={notice ? "font-medium text-teal-800" : "sr-only"}>
        {notice}
      </p>
      {failure ? (
        <p role="alert" className="font-medium text-red-800">
          {failure}
        </p>
      ) : null}

      {fee && !fee.paid && fee.chargeCents > 0 && money.cardOnFile ? (
        <button type="button" onClick={() => chargeFee(fee.kind)} disabled={charge.isPending} className={buttonClass("primary", "sm")}>
          {charge.isPending ? t("charging") : t("charge", { kind: fee.kind, amount: price(fee.chargeCents) })}
        </button>
      ) : null}

      {money.refundableCents > 0 ? (
        <form
          className="space-y-1"
          onSubmit={(event) => {
            event.preventDefault();
            submitRefund();
          }}
        >
          <label htmlFor={`refund-amount-${appointmentId}`} className="block font-medium">
            {t("refundLabel")}
          </label>
          <p id={`refund-hint-${appointmentId}`} className="text-slate-600">
            {t("refundHint", { amount: price(money.refundableCents) })}
          </p>
          {amountError ? (
            <p id={`refund-error-${appointmentId}`} className="font-medium text-red-800">
              {amountError}
            </p>
          ) : null}
          <div className="flex flex-wrap items-center gap-2">
            <input
              id={`refund-amount-${appointmentId}`}
              inputMode="decimal"
              autoComplete="off"
              value={amountValue}
              onChange={(event) => setAmountText(event.target.value)}
              aria-invalid={amountError ? true : undefined}
              aria-describedby={amountError ? `refund-hint-${appointmentId} refund-error-${appointmentId}` : `refund-hint-${appointmentId}`}
              className="w-28 rounded-md border border-slate-400 px-2 py-1.5"
            />
            <button type="submit" disabled={refund.isPending} className={buttonClass("secondary", "sm")}>
              {refund.isPending ? t("refunding") : t("refund")}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
