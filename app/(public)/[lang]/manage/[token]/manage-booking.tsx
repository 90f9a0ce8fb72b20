"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { BookingDto } from "@/lib/booking/api-types";
import { ApiError, calendarFilePath } from "@/components/booking/api-client";
import { formatLongDate, formatTime } from "@/lib/i18n/format-date-time";
import { withoutDoubledPeriod } from "@/lib/i18n/final-period";
import { formatPrice } from "@/lib/i18n/format-price";
import type { Language } from "@/lib/i18n/languages";
import { FindBookingHint } from "../find-booking-hint";
import { BookingDetails } from "./booking-details";
import { bookingQuery } from "./booking-query";
import { CancelPanel } from "./cancel-panel";
import { JoinLink } from "./join-link";
import { PrivateLink } from "./private-link";
import { ReschedulePanel } from "./reschedule-panel";

interface ManageBookingProps {
  language: Language;
  token: string;
  /** Arrived straight from the booking form. */
  justBooked: boolean;
}

const title = "text-3xl font-bold tracking-tight text-brand-900";
const outlineButton =
  "inline-flex min-h-12 items-center justify-center rounded-xl border border-slate-300 bg-white px-5 py-3 font-semibold text-brand-800 hover:bg-brand-50";

const primaryLink =
  "inline-flex min-h-12 items-center justify-center rounded-xl bg-brand-700 px-5 py-3 font-semibold text-white shadow-sm hover:bg-brand-800";

function formatWhen(iso: string, timeZone: string, language: Language) {
  return `${formatLongDate(iso, timeZone, language)}, ${formatTime(iso, timeZone, language)}`;
}

export function ManageBooking({ language, token, justBooked }: ManageBookingProps) {
  const t = useTranslations("manage");
  const videoText = useTranslations("videoVisit");
  const queryClient = useQueryClient();
  const query = useQuery(bookingQuery(token));
  const [panel, setPanel] = useState<"reschedule" | "cancel" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [headingFocus, setHeadingFocus] = useState(0);
  /** The button that opened a panel gets focus back when the panel is closed without a change. */
  const [returnFocusTo, setReturnFocusTo] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The panel that held focus is gone once a change is saved; the outcome takes focus instead.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  useEffect(() => {
    if (headingFocus > 0) headingRef.current?.focus();
  }, [headingFocus]);
  useEffect(() => {
    if (panel === null && returnFocusTo) document.getElementById(returnFocusTo)?.focus();
  }, [panel, returnFocusTo]);
  // Straight after booking, the confirmation's heading takes focus, so a screen reader announces that the visit is booked.
  const loaded = query.isSuccess;
  useEffect(() => {
    if (justBooked && loaded) headingRef.current?.focus();
  }, [justBooked, loaded]);

  if (query.isPending) {
    return (
      <div className="space-y-4">
        <h1 className={title}>{justBooked ? t("bookedTitle") : t("title")}</h1>
        <p role="status" className="text-slate-700">
          {t("loading")}
        </p>
      </div>
    );
  }

  if (query.isError) {
    const invalid = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
    return invalid ? (
      <div className="space-y-4">
        <h1 className={title}>{t("invalidTitle")}</h1>
        <p className="text-slate-700">{t("invalidBody")}</p>
        <FindBookingHint language={language} className="text-slate-700" />
        <Link href={`/${language}/book`} className={outlineButton}>
          {t("bookAgain")}
        </Link>
      </div>
    ) : (
      <div className="space-y-4">
        <h1 className={title}>{t("title")}</h1>
        <p role="alert" className="font-semibold text-red-800">
          {t("loadError")}
        </p>
        <button type="button" className={outlineButton} onClick={() => void query.refetch()}>
          {t("retry")}
        </button>
      </div>
    );
  }

  const booking = query.data;
  const cancelled = booking.status === "CANCELLED";
  const changeable = booking.status === "BOOKED";
  const video = booking.mode === "VIDEO";
  // The room is for a visit still to happen or under way; a finished or cancelled one keeps no way in.
  const joinUrl = booking.status === "BOOKED" || booking.status === "CHECKED_IN" ? booking.joinUrl : null;
  const bookedIntro = video
    ? videoText("bookedIntro", { therapist: `${booking.therapist.firstName} ${booking.therapist.lastName}` })
    : t("bookedIntro");

  const openPanel = (which: "reschedule" | "cancel") => {
    setNotice(null);
    setReturnFocusTo(null);
    setPanel(which);
  };
  const closePanel = (buttonId: string) => {
    setPanel(null);
    setReturnFocusTo(buttonId);
  };

  const saved = (updated: BookingDto) => {
    queryClient.setQueryData(bookingQuery(token).queryKey, updated);
    void queryClient.invalidateQueries({ queryKey: ["availability"] });
    setPanel(null);
  };

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 ref={headingRef} tabIndex={-1} className={title}>
          {cancelled ? t("cancelledTitle") : justBooked ? t("bookedTitle") : t("title")}
        </h1>
        {justBooked && !cancelled ? <p className="text-lg text-slate-700">{bookedIntro}</p> : null}
      </div>

      <p
        ref={noticeRef}
        role="status"
        tabIndex={-1}
        className={notice ? "rounded-xl border-2 border-brand-700 bg-brand-50 p-4 font-semibold text-brand-900" : "sr-only"}
      >
        {notice}
      </p>

      {cancelled ? (
        <div className="space-y-4 rounded-xl border border-slate-300 bg-white p-4 text-slate-900">
          <p>{t("cancelledNote")}</p>
          {booking.money?.cancelled && booking.money.cancelled.refundCents > 0 ? (
            <p>{t("refundDone", { refund: formatPrice(booking.money.cancelled.refundCents, booking.money.currency, language) })}</p>
          ) : null}
          {booking.money?.cancelled && booking.money.cancelled.keptCents > 0 ? (
            <p>{t("keptDone", { kept: formatPrice(booking.money.cancelled.keptCents, booking.money.currency, language) })}</p>
          ) : null}
          <Link href={`/${language}/book`} className={primaryLink}>
            {t("bookAgainAfterCancel")}
          </Link>
        </div>
      ) : null}

      <BookingDetails booking={booking} language={language} />

      {joinUrl ? <JoinLink url={joinUrl} language={language} /> : null}

      {cancelled ? null : (
        <div className="space-y-1">
          <a href={calendarFilePath(token)} download="appointment.ics" aria-describedby="calendar-hint" className={outlineButton}>
            {t("addToCalendar")}
          </a>
          <p id="calendar-hint" className="text-sm text-slate-600">
            {t("addToCalendarHint")}
          </p>
        </div>
      )}

      {cancelled ? null : <PrivateLink url={booking.manageUrl} language={language} />}

      {changeable ? (
        <section aria-labelledby="change-heading" className="space-y-4">
          <h2 id="change-heading" className="text-lg font-bold text-slate-900">
            {t("changeHeading")}
          </h2>
          {booking.canChange ? (
            <>
              <p className="text-slate-700">{withoutDoubledPeriod(t("changeDeadline", { when: formatWhen(booking.changeDeadline, booking.timeZone, language) }))}</p>
              {panel === "reschedule" ? (
                <ReschedulePanel
                  booking={booking}
                  token={token}
                  language={language}
                  onDone={(updated) => {
                    saved(updated);
                    setNotice(withoutDoubledPeriod(t("reschedule.done", { when: formatWhen(updated.start, updated.timeZone, language) })));
                  }}
                  onClose={() => closePanel("open-reschedule")}
                />
              ) : panel === "cancel" ? (
                <CancelPanel
                  token={token}
                  booking={booking}
                  language={language}
                  onDone={(updated) => {
                    saved(updated);
                    // The heading now says the visit is cancelled; moving focus there announces it.
                    setNotice(null);
                    setHeadingFocus((count) => count + 1);
                  }}
                  onClose={() => closePanel("open-cancel")}
                />
              ) : (
                <div className="flex flex-col gap-3 sm:flex-row">
                  <button id="open-reschedule" type="button" className={outlineButton} onClick={() => openPanel("reschedule")}>
                    {t("reschedule.open")}
                  </button>
                  <button
                    id="open-cancel"
                    type="button"
                    className="inline-flex min-h-12 items-center justify-center rounded-xl border border-red-700 bg-white px-5 py-3 font-semibold text-red-800 hover:bg-red-50"
                    onClick={() => openPanel("cancel")}
                  >
                    {t("cancel.open")}
                  </button>
                </div>
              )}
            </>
          ) : (
            <div className="space-y-1 rounded-xl border border-slate-300 bg-white p-4 text-slate-800">
              <p className="font-semibold">{t("noChanges")}</p>
              <p>
                {booking.location.phone ? (
                  <>
                    {t("callClinic")}{" "}
                    <a href={`tel:${booking.location.phone.replace(/[^\d+]/g, "")}`} className="font-semibold text-brand-800 underline underline-offset-2">
                      {booking.location.phone}
                    </a>
                  </>
                ) : (
                  t("callClinicNoPhone")
                )}
              </p>
            </div>
          )}
        </section>
      ) : null}
    </div>
  );
}
