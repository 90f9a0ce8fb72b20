"use client";

import { useRef, useState, type FormEvent } from "react";
import { TextField } from "@/components/form/text-field";
import { primaryButton } from "../book/button-styles";
import type { Language } from "@/lib/i18n/languages";

interface PurchaseFormProps {
  language: Language;
  offers: { id: string; label: string }[];
  words: {
    heading: string;
    offer: string;
    firstName: string;
    lastName: string;
    email: string;
    emailHint: string;
    phone: string;
    dateOfBirth: string;
    dateOfBirthHint: string;
    submit: string;
    sending: string;
    /** With a literal {message} where the server's words go. */
    failed: string;
    unavailable: string;
  };
}

type Fields = Record<string, string>;

const FIELD_IDS: Record<string, string> = {
  offerId: "package-offer",
  "patient.firstName": "package-first-name",
  "patient.lastName": "package-last-name",
  "patient.email": "package-email",
  "patient.phone": "package-phone",
  "patient.dateOfBirth": "package-dob",
};

/**
 * Who is buying, then off to Stripe's checkout. The person is found or added
 * as the booking form does it; the answer never says whether they were known.
 */
export function PurchaseForm({ language, offers, words }: PurchaseFormProps) {
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [fields, setFields] = useState<Fields>({});
  const failureRef = useRef<HTMLParagraphElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => String(data.get(name) ?? "");
    setSending(true);
    setFailure(null);
    setFields({});
    try {
      const response = await fetch("/api/packages/purchases", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({
          offerId: value("offerId"),
          language,
          patient: { firstName: value("firstName"), lastName: value("lastName"), email: value("email"), phone: value("phone"), dateOfBirth: value("dateOfBirth") },
        }),
      });
      const body = (await response.json().catch(() => null)) as { checkoutUrl?: string; error?: { message: string; fields?: Fields } } | null;
      if (response.ok && body?.checkoutUrl) {
        window.location.assign(body.checkoutUrl);
        return;
      }
      setFields(body?.error?.fields ?? {});
      setFailure(body?.error ? words.failed.replace("{message}", body.error.message) : words.unavailable);
    } catch {
      setFailure(words.unavailable);
    }
    setSending(false);
    requestAnimationFrame(() => failureRef.current?.focus());
  }

  const error = (name: string) => fields[name];
  return (
    <form onSubmit={submit} noValidate className="space-y-4 rounded-lg border border-slate-300 bg-white p-4" aria-labelledby="package-form-heading">
      <h2 id="package-form-heading" className="text-xl font-semibold text-brand-900">
        {words.heading}
      </h2>
      {failure ? (
        <p ref={failureRef} tabIndex={-1} role="alert" className="rounded-md border-2 border-red-700 p-3 text-red-800">
          {failure}
        </p>
      ) : null}
      <div>
        <label htmlFor={FIELD_IDS.offerId} className="block font-semibold">
          {words.offer}
        </label>
        <select id={FIELD_IDS.offerId} name="offerId" className="mt-1.5 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-base" defaultValue={offers[0]?.id}>
          {offers.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <TextField id={FIELD_IDS["patient.firstName"]!} name="firstName" label={words.firstName} autoComplete="given-name" required error={error("patient.firstName")} />
      <TextField id={FIELD_IDS["patient.lastName"]!} name="lastName" label={words.lastName} autoComplete="family-name" required error={error("patient.lastName")} />
      <TextField id={FIELD_IDS["patient.email"]!} name="email" type="email" label={words.email} hint={words.emailHint} autoComplete="email" required error={error("patient.email")} />
      <TextField id={FIELD_IDS["patient.phone"]!} name="phone" type="tel" label={words.phone} autoComplete="tel" required error={error("patient.phone")} />
      <TextField
        id={FIELD_IDS["patient.dateOfBirth"]!}
        name="dateOfBirth"
        label={words.dateOfBirth}
        hint={words.dateOfBirthHint}
        autoComplete="bday"
        inputMode="numeric"
        required
        error={error("patient.dateOfBirth")}
      />
      <button type="submit" disabled={sending} className={primaryButton}>
        {sending ? words.sending : words.submit}
      </button>
    </form>
  );
}
