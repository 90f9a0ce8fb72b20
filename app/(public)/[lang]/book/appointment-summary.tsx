import type { LocationDto, ServiceDto, SlotDto } from "@/lib/booking/api-types";
import { formatDay, formatTimeRange, formatZoneName } from "@/lib/i18n/format-date-time";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import type { Language } from "@/lib/i18n/languages";
import type { OnlineVisitMode } from "./booking-draft";

interface AppointmentSummaryProps {
  language: Language;
  service: ServiceDto;
  mode: OnlineVisitMode;
  location: LocationDto;
  slot: SlotDto;
  therapistName: string | null;
  postalCode: string;
}

/** What the patient is about to book, so they can check it before giving their details. */
export function AppointmentSummary({ language, service, mode, location, slot, therapistName, postalCode }: AppointmentSummaryProps) {
  const dict = getDictionary(language);
  const t = dict.manage;
  const zone = location.timeZone;
  return (
    <section aria-labelledby="appointment-summary" className="rounded-xl bg-brand-50 p-4">
      <h3 id="appointment-summary" className="font-semibold text-brand-900">
        {dict.book.details.appointmentHeading}
      </h3>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-700">{t.service}</dt>
        <dd className="font-medium text-slate-900">{service.name[language]}</dd>
        <dt className="text-slate-700">{t.when}</dt>
        <dd className="font-medium text-slate-900">
          {formatDay(slot.start, zone, language)}, {formatTimeRange(slot.start, slot.end, zone, language)}
          <span className="block font-normal text-slate-700">{t.timeZoneNote(formatZoneName(zone, language))}</span>
        </dd>
        {therapistName ? (
          <>
            <dt className="text-slate-700">{t.therapist}</dt>
            <dd className="font-medium text-slate-900">{therapistName}</dd>
          </>
        ) : null}
        <dt className="text-slate-700">{t.where}</dt>
        <dd className="font-medium text-slate-900">
          {mode === "HOME" ? `${t.atHome} (${postalCode.trim()})` : `${location.name}, ${location.address.line1}, ${location.address.city}`}
        </dd>
      </dl>
    </section>
  );
}
