"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Language } from "@/lib/i18n/languages";
import { FindBookingHint } from "../find-booking-hint";

export function PrivateLink({ url, language }: { url: string; language: Language }) {
  const t = useTranslations("manage");
  const [status, setStatus] = useState("");

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setStatus(t("copied"));
    } catch {
      setStatus(t("copyFailed"));
    }
  };

  return (
    <section aria-labelledby="private-link" className="space-y-2">
      <h2 id="private-link" className="text-lg font-bold text-slate-900">
        {t("linkHeading")}
      </h2>
      <p id="private-link-note" className="text-sm text-slate-700">
        {t("linkNote")}
      </p>
      <label htmlFor="manage-url" className="sr-only">
        {t("linkLabel")}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id="manage-url"
          readOnly
          value={url}
          aria-describedby="private-link-note"
          onFocus={(event) => event.currentTarget.select()}
          className="min-h-11 w-full min-w-0 rounded-lg border border-slate-300 bg-slate-100 px-3 py-2 font-mono text-sm text-slate-900"
        />
        <button
          type="button"
          onClick={() => void copy()}
          className="inline-flex min-h-11 shrink-0 items-center justify-center rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50"
        >
          {t("copy")}
        </button>
      </div>
      <p role="status" className="text-sm text-slate-700">
        {status}
      </p>
      <FindBookingHint language={language} className="text-sm text-slate-700" />
    </section>
  );
}
