import { useTranslations } from "next-intl";
import { PatientTimeNote } from "@/components/booking/patient-time-note";
import { VisitTermsRows } from "@/components/booking/visit-terms";
import type { LocationDto, ServiceDto, SlotDto, VisitModeDto } from "@/lib/booking/api-types";
import { formatDay, formatTimeRange, formatZoneName } from "@/lib/i18n/format-date-time";
import type { Language } from "@/lib/i18n/languages";
import { SlotChangeNote } from "./slot-change-note";

interface AppointmentSummaryProps {
  language: Language;
  service: ServiceDto;
  mode: VisitModeDto;
  /** For a video visit, the location of the chosen time: only its zone is shown. */
  location: LocationDto;
  slot: SlotDto;
  therapistName: string | null;
  postalCode: string;
}

function placeText(props: AppointmentSummaryProps, words: { videoWhere: string; atHome: string }): string {
  const { mode, location, postalCode } = props;
  if (mode === "VIDEO") return words.videoWhere;
  if (mode === "HOME") return `${words.atHome} (${postalCode.trim()})`;
  return `${location.name}, ${location.address.line1}, ${location.address.city}`;
}

/** What the patient is about to book, so they can check it before giving their details. */
export function AppointmentSummary(props: AppointmentSummaryProps) {
  const { language, service, mode, location, slot, therapistName } = props;
  const t = useTranslations("manage");
  const book = useTranslations("book");
  const video = useTranslations("videoVisit");
  const zone = location.timeZone;
  return (
    <section aria-labelledby="appointment-summary" className="rounded-xl bg-brand-50 p-4">
      <h3 id="appointment-summary" className="font-semibold text-brand-900">
        {book("details.appointmentHeading")}
      </h3>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-700">{t("service")}</dt>
        <dd className="font-medium text-slate-900">{service.name[language]}</dd>
        <dt className="text-slate-700">{t("when")}</dt>
        <dd className="font-medium text-slate-900">
          {formatDay(slot.start, zone, language)}, {formatTimeRange(slot.start, slot.end, zone, language)}
          <span className="block font-normal text-slate-700">{t("timeZoneNote", { zone: formatZoneName(zone, language) })}</span>
          {mode === "VIDEO" ? (
            <PatientTimeNote start={slot.start} end={slot.end} clinicZone={zone} language={language} className="block font-normal text-slate-700" />
          ) : null}
        </dd>
        {therapistName ? (
          <>
            <dt className="text-slate-700">{t("therapist")}</dt>
            <dd className="font-medium text-slate-900">{therapistName}</dd>
          </>
        ) : null}
        <dt className="text-slate-700">{t("where")}</dt>
        <dd className="font-medium text-slate-900">{placeText(props, { videoWhere: video("summaryWhere"), atHome: t("atHome") })}</dd>
        <VisitTermsRows
          language={language}
          terms={{ priceCents: service.priceCents, currency: service.currency, mode, cancelCutoffMinutes: service.cancelCutoffMinutes, payment: service.payment }}
        />
      </dl>
      <p className="mt-2 text-sm">
        <a href={`/${language}/cancellation-policy`} target="_blank" rel="noopener" className="font-medium text-brand-800 underline underline-offset-2">
          {book("readCancellation")}
        </a>
      </p>
      <div className="mt-3">
        <SlotChangeNote language={language} slot={slot} timeZone={zone} phone={location.phone} />
      </div>
    </section>
  );
}
