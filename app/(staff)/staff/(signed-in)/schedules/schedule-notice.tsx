"use client";

import { useTranslations } from "next-intl";
import { createContext, use, useEffect, useRef, useState, type ReactNode } from "react";
import type { StrandedAppointment } from "@/lib/schedules/types";
import { StrandedList } from "./stranded-list";

interface Notice {
  message: string;
  /** Visits the saved change left outside working time: someone must move them. */
  stranded: StrandedAppointment[];
  /** Changes on each save, so the same words are announced and focused again. */
  key: number;
}

const NoticeContext = createContext<((message: string, stranded?: StrandedAppointment[]) => void) | null>(null);

/** Lets any form on the page report a saved change in one place at the top. */
export function ScheduleNoticeProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const show = (message: string, stranded: StrandedAppointment[] = []) => setNotice((previous) => ({ message, stranded, key: (previous?.key ?? 0) + 1 }));
  return (
    <NoticeContext value={show}>
      <ScheduleNotice notice={notice} onDismiss={() => setNotice(null)} />
      {children}
    </NoticeContext>
  );
}

export function useScheduleNotice() {
  const show = use(NoticeContext);
  if (!show) throw new Error("useScheduleNotice needs a ScheduleNoticeProvider above it.");
  return show;
}

function ScheduleNotice({ notice, onDismiss }: { notice: Notice | null; onDismiss: () => void }) {
  const t = useTranslations("staffSchedules.notice");
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) ref.current?.focus();
  }, [notice]);

  // The live region stays in the page, so screen readers announce what is put into it.
  return (
    <div ref={ref} role="status" tabIndex={-1}>
      {notice ? (
        <div className={`mb-6 rounded-xl border-2 p-4 ${notice.stranded.length > 0 ? "border-amber-600 bg-amber-50" : "border-teal-700 bg-teal-50"}`}>
          <p className="font-semibold">{notice.message}</p>
          {notice.stranded.length > 0 ? (
            <>
              <p className="mt-1 text-sm text-slate-800">{t("stillBooked", { count: notice.stranded.length })}</p>
              <StrandedList stranded={notice.stranded} />
            </>
          ) : null}
          <button type="button" onClick={onDismiss} className="mt-3 rounded-md border border-slate-400 bg-white px-3 py-1 text-sm hover:bg-slate-100">
            {t("dismiss")}
          </button>
        </div>
      ) : null}
    </div>
  );
}
