import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { PatientTimeNote } from "@/components/booking/patient-time-note";
import type { BookingDto } from "@/lib/booking/api-types";
import { PATIENT_CANCELLED_REASON } from "@/lib/booking/cancellation-reason";
import { visitTermsWords } from "@/lib/booking/visit-terms-words";
import { formatLongDate, formatTimeRange, formatZoneName } from "@/lib/i18n/format-date-time";
import { languageNames, type Language } from "@/lib/i18n/languages";

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-0.5 py-3 sm:grid-cols-[10rem_1fr] sm:gap-4">
      <dt className="text-sm text-slate-700">{term}</dt>
      <dd className="font-medium text-slate-900">{children}</dd>
    </div>
  );
}

export function BookingDetails({ booking, language }: { booking: BookingDto; language: Language }) {
  const t = useTranslations("manage");
  const video = useTranslations("videoVisit");
  const zone = booking.timeZone;
  const { location, visitAddress, therapist } = booking;
  const cancelled = booking.status === "CANCELLED";
  const terms = useTranslations("terms");
  const termsText = visitTermsWords(terms, language, { ...booking.service, mode: booking.mode });
  return (
    <section aria-labelledby="booking-details" className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <h2 id="booking-details" className="text-xl font-bold text-slate-900">
        {t("summaryHeading")}
      </h2>
      <dl className="mt-2 divide-y divide-slate-200">
        <Row term={t("statusLabel")}>
          <span
            className={`inline-block rounded-full px-2.5 py-0.5 text-sm font-semibold ${cancelled ? "bg-red-100 text-red-800" : "bg-brand-100 text-brand-900"}`}
          >
            {t(`status.${booking.status}`)}
          </span>
        </Row>
        <Row term={t("service")}>{booking.service.name[language]}</Row>
        <Row term={terms("price")}>{termsText.price}</Row>
        {cancelled ? null : <Row term={terms("payment")}>{termsText.payment}</Row>}
        {cancelled || !termsText.fees ? null : <Row term={terms("fees")}>{termsText.fees}</Row>}
        <Row term={t("when")}>
          <span className={cancelled ? "line-through" : undefined}>
            {formatLongDate(booking.start, zone, language)}, {formatTimeRange(booking.start, booking.end, zone, language)}
          </span>
          <span className="block text-sm font-normal text-slate-700">{t("timeZoneNote", { zone: formatZoneName(zone, language) })}</span>
          {booking.mode === "VIDEO" && !cancelled ? (
            <PatientTimeNote
              start={booking.start}
              end={booking.end}
              clinicZone={zone}
              language={language}
              className="block text-sm font-normal text-slate-700"
            />
          ) : null}
        </Row>
        <Row term={t("therapist")}>
          {therapist.firstName} {therapist.lastName}
          {therapist.credentials ? `, ${therapist.credentials}` : ""}
        </Row>
        <Row term={t("where")}>
          {booking.mode === "VIDEO" ? (
            <>
              <span className="block">{video("where")}</span>
              <span className="block text-sm font-normal text-slate-700">{video("whereHint")}</span>
            </>
          ) : booking.mode === "HOME" && visitAddress ? (
            <address className="not-italic">
              <span className="block">{t("atHome")}</span>
              <span className="block font-normal">
                {visitAddress.line1}
                {visitAddress.line2 ? `, ${visitAddress.line2}` : ""}
              </span>
              <span className="block font-normal">
                {visitAddress.city ? `${visitAddress.city}, ` : ""}
                {visitAddress.postalCode}
              </span>
            </address>
          ) : (
            <address className="not-italic">
              <span className="block">{location.name}</span>
              <span className="block font-normal">
                {location.address.line1}
                {location.address.line2 ? `, ${location.address.line2}` : ""}
              </span>
              <span className="block font-normal">
                {location.address.city}, {location.address.region} {location.address.postalCode}
              </span>
            </address>
          )}
        </Row>
        {booking.reason ? <Row term={t("reason")}>{booking.reason}</Row> : null}
        <Row term={t("language")}>
          <span lang={booking.language}>{languageNames[booking.language]}</span>
        </Row>
        {cancelled && booking.cancellationReason ? (
          <Row term={t("cancellationReason")}>
            {booking.cancellationReason === PATIENT_CANCELLED_REASON ? t("cancelledByPatient") : booking.cancellationReason}
          </Row>
        ) : null}
      </dl>
    </section>
  );
}
