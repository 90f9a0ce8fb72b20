"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ApiError, requestBookingLookup } from "@/components/booking/api-client";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/text-field";
import type { Language } from "@/lib/i18n/languages";
import { primaryButton, secondaryButton } from "../book/button-styles";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Asks for an address and shows one neutral answer: the page never learns,
 * and so never says, whether the address belongs to a patient.
 */
export function FindBookingForm({ language }: { language: Language }) {
  const t = useTranslations("lookup");
  const [email, setEmail] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [summaryFocus, setSummaryFocus] = useState(0);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  const answerRef = useRef<HTMLHeadingElement>(null);
  const failureRef = useRef<HTMLParagraphElement>(null);

  // The form is replaced by the answer: focus goes to it so it is read out.
  useEffect(() => {
    if (sent) answerRef.current?.focus();
  }, [sent]);
  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    const typed = email.trim();
    const problem = typed === "" ? t("emailMissing") : EMAIL.test(typed) ? undefined : t("emailInvalid");
    setFieldError(problem);
    if (problem) {
      setSummaryFocus((count) => count + 1);
      return;
    }
    setSending(true);
    try {
      await requestBookingLookup({ email: typed, language });
      setSent(true);
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        setFieldError(t("emailInvalid"));
        setSummaryFocus((count) => count + 1);
      } else if (error instanceof ApiError && error.status === 429) {
        setFailure(t("rateLimited", { minutes: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)) }));
      } else {
        setFailure(error instanceof ApiError && error.status === 0 ? t("network") : t("generic"));
      }
    } finally {
      setSending(false);
    }
  };

  if (sent) {
    return (
      <section aria-labelledby="lookup-sent" className="space-y-4 rounded-xl border-2 border-brand-700 bg-brand-50 p-5">
        <h2 id="lookup-sent" ref={answerRef} tabIndex={-1} className="text-xl font-bold text-brand-900">
          {t("sentTitle")}
        </h2>
        <p className="text-slate-800">{t("sent")}</p>
        <button
          type="button"
          className={secondaryButton}
          onClick={() => {
            setSent(false);
            setEmail("");
          }}
        >
          {t("again")}
        </button>
      </section>
    );
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="max-w-xl space-y-5">
      <ErrorSummary title={t("errorTitle")} errors={fieldError ? [{ fieldId: "lookup-email", message: fieldError }] : []} focusKey={summaryFocus} />
      {failure ? (
        <p ref={failureRef} role="alert" tabIndex={-1} className="rounded-xl border-2 border-red-700 bg-white p-4 font-semibold text-red-800">
          {failure}
        </p>
      ) : null}
      <TextField
        id="lookup-email"
        name="email"
        type="email"
        label={t("emailLabel")}
        hint={t("emailHint")}
        error={fieldError}
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        maxLength={254}
        value={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <button type="submit" disabled={sending} className={primaryButton}>
        {sending ? t("sending") : t("submit")}
      </button>
    </form>
  );
}
