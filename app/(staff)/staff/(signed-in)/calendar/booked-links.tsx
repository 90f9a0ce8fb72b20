"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { buttonClass } from "@/components/form/button";

/**
 * One of the patient's private links, shown once after booking so the desk
 * can read it out or paste it into a message. Copy uses the clipboard where
 * the browser allows it; otherwise the link is selected for Ctrl+C.
 */
function CopyableLink({ id, link, url }: { id: string; link: "manage" | "video"; url: string }) {
  const t = useTranslations("staffCalendar.links");
  const label = t(link);
  const inputRef = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setNote(t("copied", { link }));
    } catch {
      inputRef.current?.focus();
      inputRef.current?.select();
      setNote(t("copyRefused"));
    }
  };
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium">
        {label}
      </label>
      <div className="mt-0.5 flex gap-2">
        <input id={id} ref={inputRef} readOnly value={url} onFocus={(e) => e.currentTarget.select()} className="w-full rounded-md border border-slate-300 bg-slate-50 px-2 py-1.5 font-mono text-xs" />
        <button type="button" onClick={() => void copy()} className={buttonClass("secondary", "sm")} aria-label={t("copyLabel", { link })}>
          {t("copy")}
        </button>
      </div>
      <p role="status" className="mt-0.5 min-h-4 text-xs text-slate-700">
        {note}
      </p>
    </div>
  );
}

export interface BookedVisit {
  patientName: string;
  manageUrl: string;
  joinUrl: string | null;
}

export function BookedLinks({ booked, onDismiss }: { booked: BookedVisit; onDismiss: () => void }) {
  const t = useTranslations("staffCalendar.links");
  return (
    <section aria-labelledby="booked-title" className="space-y-2 rounded-md border border-teal-700 bg-teal-50 p-3 text-sm">
      <div className="flex items-start justify-between gap-2">
        <h2 id="booked-title" tabIndex={-1} className="font-semibold text-teal-900">
          {t("title", { name: booked.patientName })}
        </h2>
        <button type="button" onClick={onDismiss} className={buttonClass("secondary", "sm")}>
          {t("done")}
        </button>
      </div>
      <p className="text-xs text-slate-700">{t("shownOnce")}</p>
      <CopyableLink id="booked-manage-link" link="manage" url={booked.manageUrl} />
      {booked.joinUrl ? <CopyableLink id="booked-video-link" link="video" url={booked.joinUrl} /> : null}
    </section>
  );
}
