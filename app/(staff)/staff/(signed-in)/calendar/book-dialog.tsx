"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { SlotDto } from "@/lib/booking/api-types";
import type { CalendarDto } from "@/lib/calendar/schema";
import type { PlanBookingPrefill } from "@/lib/care-plans/follow-up";
import { searchPatients, type BookCallerBody, type VisitMode } from "./calendar-api";
import { NearestTimes } from "./nearest-times";
import { timeOptionsWith } from "./time-options";
import { localDate, localMinutes } from "./wall-clock";

export interface BookingDraft {
  therapistId: string;
  date: string;
  minutes: number;
  /** The plan of care whose next visit this is: its patient, visit type and mode come filled in. */
  plan?: PlanBookingPrefill;
}

const input = "w-full rounded-md border border-slate-400 px-2 py-1.5 text-sm";

export interface BookingError {
  message: string;
  fields: Record<string, string>;
  /** The nearest free times, when the server refused the chosen one. */
  alternatives: SlotDto[];
}

const MODE_CHOICES: readonly VisitMode[] = ["CLINIC", "HOME", "VIDEO"];

const EMPTY_ADDRESS = { line1: "", line2: "", city: "", postalCode: "" };
type AddressDraft = typeof EMPTY_ADDRESS;

/** The address as the API takes it, or nothing when the desk left it empty. */
function addressBody(a: AddressDraft) {
  if (!a.line1.trim() && !a.city.trim() && !a.postalCode.trim()) return undefined;
  return { line1: a.line1, ...(a.line2.trim() ? { line2: a.line2 } : {}), city: a.city, postalCode: a.postalCode };
}

/**
 * Books a caller: choose or register the patient in the same dialog. What was
 * typed stays if the server refuses the time, so the desk only changes the time.
 */
export function BookDialog({
  data,
  draft,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  data: CalendarDto;
  draft: BookingDraft;
  pending: boolean;
  error: BookingError | null;
  onSubmit: (body: Omit<BookCallerBody, "start" | "locationId">, date: string, minutes: number, patientName: string) => void;
  onClose: () => void;
}) {
  const t = useTranslations("staffCalendar.book");
  const tc = useTranslations("staffCalendar");
  const dialogRef = useRef<HTMLDialogElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const [therapistId, setTherapistId] = useState(draft.therapistId);
  const [date, setDate] = useState(draft.date);
  const [minutes, setMinutes] = useState(draft.minutes);
  const plan = draft.plan;
  const [serviceId, setServiceId] = useState(plan && data.services.some((s) => s.id === plan.serviceId) ? plan.serviceId : (data.services[0]?.id ?? ""));
  const [chosenMode, setMode] = useState<VisitMode>(plan?.mode ?? "CLINIC");
  const [who, setWho] = useState<"existing" | "new">("existing");
  const [query, setQuery] = useState("");
  const [patientId, setPatientId] = useState(plan?.patientId ?? "");
  const [newPatient, setNewPatient] = useState({ firstName: "", lastName: "", email: "", phone: "", dateOfBirth: "" });
  const [address, setAddress] = useState<AddressDraft>(EMPTY_ADDRESS);
  const [reason, setReason] = useState("");
  const [language, setLanguage] = useState<"en" | "es">("en");

  // Every mode both the service and the therapist offer; the choice follows
  // when a change of service or therapist takes the chosen one away.
  const service = data.services.find((x) => x.id === serviceId);
  const therapist = data.therapists.find((x) => x.id === therapistId);
  // "First available" (no therapist chosen) offers what the service offers.
  const modes = MODE_CHOICES.filter((m) => service?.visitModes.includes(m) && (!therapistId || therapist?.visitModes.includes(m)));
  const mode = modes.includes(chosenMode) ? chosenMode : (modes[0] ?? "CLINIC");


  useEffect(() => {
    dialogRef.current?.showModal();
  }, []);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  // Each search is a read of patient data and leaves an audit row: search
  // when the typing pauses, not at every keystroke.
  const [searchTerm, setSearchTerm] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setSearchTerm(query), 300);
    return () => clearTimeout(timer);
  }, [query]);

  const matches = useQuery({
    queryKey: ["patient-search", searchTerm],
    queryFn: () => searchPatients(searchTerm),
    enabled: who === "existing" && searchTerm.trim().length >= 2,
    staleTime: 10_000,
  });

  const submit = (at: { date: string; minutes: number; therapistId: string }) => {
    const home = mode === "HOME" ? addressBody(address) : undefined;
    const forPlan = who === "existing" && plan && patientId === plan.patientId;
    const patient =
      who === "existing"
        ? { patientId, ...(home ? { visitAddress: home } : {}), ...(forPlan ? { carePlanId: plan.carePlanId } : {}) }
        : { newPatient: { ...newPatient, ...(home ? { address: home } : {}) } };
    const name =
      who === "existing" ? (forPlan ? plan.patientName : (matches.data?.patients.find((p) => p.id === patientId)?.name ?? t("thePatient"))) : `${newPatient.firstName} ${newPatient.lastName}`.trim();
    onSubmit(
      { serviceId, ...(at.therapistId ? { therapistId: at.therapistId } : {}), mode, reason: reason || undefined, ...(who === "new" ? { language } : {}), ...patient },
      at.date,
      at.minutes,
      name,
    );
  };

  const field = (name: string) => error?.fields[name] ?? error?.fields[`newPatient.${name}`];
  const addressField = (name: string) =>
    error?.fields[`newPatient.address.${name}`] ?? error?.fields[`visitAddress.${name}`] ?? (name === "line1" ? (error?.fields["newPatient.address"] ?? error?.fields.visitAddress) : undefined);

  return (
    <dialog ref={dialogRef} aria-labelledby="book-title" onClose={onClose} className="m-auto w-full max-w-lg rounded-lg p-0 backdrop:bg-slate-900/50">
      <form
        className="space-y-3 p-5"
        onSubmit={(event) => {
          event.preventDefault();
          submit({ date, minutes, therapistId });
        }}
      >
        <h2 id="book-title" className="text-lg font-bold">
          {t("title")}
        </h2>
        {plan ? <p className="text-sm text-slate-700">{t("planVisit", { name: plan.patientName, treats: plan.treats })}</p> : null}
        {error ? (
          <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-800">
            <p ref={errorRef} tabIndex={-1}>
              {error.message || tc("noAnswer")}
            </p>
            <NearestTimes
              alternatives={error.alternatives}
              data={data}
              verb="book"
              onPick={(slot) => {
                const at = { date: localDate(slot.start), minutes: localMinutes(slot.start), therapistId: slot.therapistId };
                setDate(at.date);
                setMinutes(at.minutes);
                setTherapistId(at.therapistId);
                submit(at);
              }}
            />
          </div>
        ) : null}
        <div className="grid grid-cols-2 gap-2">
          <div>
            <label htmlFor="book-date" className="block text-xs font-medium">{t("date")}</label>
            <input id="book-date" type="date" required value={date} onChange={(e) => setDate(e.target.value)} className={input} />
          </div>
          <div>
            <label htmlFor="book-time" className="block text-xs font-medium">{t("time")}</label>
            <select id="book-time" value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} className={input}>
              {timeOptionsWith(minutes).map((o) => (
                <option key={o.minutes} value={o.minutes}>{o.label}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="book-therapist" className="block text-xs font-medium">{t("therapist")}</label>
            <select id="book-therapist" value={therapistId} onChange={(e) => setTherapistId(e.target.value)} className={input}>
              <option value="">{t("firstAvailable")}</option>
              {data.therapists.map((t) => (
                <option key={t.id} value={t.id}>{t.name}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="book-service" className="block text-xs font-medium">{t("service")}</label>
            <select id="book-service" value={serviceId} onChange={(e) => setServiceId(e.target.value)} className={input}>
              {data.services.map((s) => (
                <option key={s.id} value={s.id}>{t("serviceOption", { name: s.name, minutes: s.durationMinutes })}</option>
              ))}
            </select>
          </div>
        </div>
        <fieldset>
          <legend className="text-xs font-medium">{t("kind")}</legend>
          <div className="mt-1 flex gap-4 text-sm">
            {modes.map((m) => (
              <label key={m} className="flex items-center gap-1">
                <input type="radio" name="mode" checked={mode === m} onChange={() => setMode(m)} /> {t("mode", { mode: m })}
              </label>
            ))}
          </div>
          {modes.length === 0 ? <p className="mt-1 text-xs text-red-700">{t("noMode")}</p> : null}
        </fieldset>
        <fieldset className="rounded-md border border-slate-300 p-3">
          <legend className="px-1 text-xs font-medium">{t("patient")}</legend>
          <div className="flex gap-4 text-sm">
            <label className="flex items-center gap-1"><input type="radio" name="who" checked={who === "existing"} onChange={() => setWho("existing")} /> {t("existing")}</label>
            <label className="flex items-center gap-1"><input type="radio" name="who" checked={who === "new"} onChange={() => setWho("new")} /> {t("new")}</label>
          </div>
          {who === "existing" ? (
            <div className="mt-2">
              <label htmlFor="patient-search" className="block text-xs font-medium">{t("find")}</label>
              <input id="patient-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} className={input} aria-describedby={field("patientId") ? "patient-error" : undefined} />
              {field("patientId") ? <p id="patient-error" className="mt-1 text-xs font-semibold text-red-700">{field("patientId")}</p> : null}
              <div role="status" className="mt-1 text-xs text-slate-600">
                {matches.isFetching ? t("searching") : matches.isError ? matches.error.message || tc("noAnswer") : matches.data ? t("found", { count: matches.data.patients.length }) : ""}
              </div>
              <ul className="mt-1 max-h-40 space-y-1 overflow-y-auto">
                {plan ? (
                  <li>
                    <label className="flex items-center gap-2 text-sm">
                      <input type="radio" name="patientId" value={plan.patientId} checked={patientId === plan.patientId} onChange={() => setPatientId(plan.patientId)} />
                      {t("planPatient", { name: plan.patientName })}
                    </label>
                  </li>
                ) : null}
                {(matches.data?.patients ?? []).filter((p) => p.id !== plan?.patientId).map((p) => (
                  <li key={p.id}>
                    <label className="flex items-center gap-2 text-sm">
                      <input type="radio" name="patientId" value={p.id} checked={patientId === p.id} onChange={() => setPatientId(p.id)} />
                      {t("match", { name: p.name, dateOfBirth: p.dateOfBirth, phone: p.phone })}
                    </label>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <div className="mt-2 grid grid-cols-2 gap-2">
              {(
                [
                  ["firstName", "text", "given-name"],
                  ["lastName", "text", "family-name"],
                  ["phone", "tel", "tel"],
                  ["email", "email", "email"],
                  ["dateOfBirth", "date", "bday"],
                ] as const
              ).map(([name, type, autoComplete]) => (
                <div key={name}>
                  <label htmlFor={`new-${name}`} className="block text-xs font-medium">{t(name)}</label>
                  <input
                    id={`new-${name}`}
                    type={type}
                    autoComplete={autoComplete}
                    value={newPatient[name]}
                    onChange={(e) => setNewPatient({ ...newPatient, [name]: e.target.value })}
                    aria-invalid={field(name) ? true : undefined}
                    aria-describedby={field(name) ? `new-${name}-error` : undefined}
                    className={input}
                  />
                  {field(name) ? <p id={`new-${name}-error`} className="mt-0.5 text-xs font-semibold text-red-700">{field(name)}</p> : null}
                </div>
              ))}
              <div>
                <label htmlFor="new-language" className="block text-xs font-medium">{t("language")}</label>
                <select id="new-language" value={language} onChange={(e) => setLanguage(e.target.value === "es" ? "es" : "en")} className={input}>
                  <option value="en">{t("languageName", { language: "en" })}</option>
                  <option value="es">{t("languageName", { language: "es" })}</option>
                </select>
              </div>
            </div>
          )}
        </fieldset>
        {mode === "HOME" ? (
          <fieldset className="rounded-md border border-slate-300 p-3">
            <legend className="px-1 text-xs font-medium">{t("address")}</legend>
            {who === "existing" ? <p id="visit-address-hint" className="text-xs text-slate-600">{t("addressHint")}</p> : null}
            <div className="mt-1 grid grid-cols-2 gap-2">
              {(
                [
                  ["line1", "address-line1", true],
                  ["line2", "address-line2", false],
                  ["city", "address-level2", true],
                  ["postalCode", "postal-code", true],
                ] as const
              ).map(([name, autoComplete, needed]) => (
                <div key={name}>
                  <label htmlFor={`visit-${name}`} className="block text-xs font-medium">{t(name)}</label>
                  <input
                    id={`visit-${name}`}
                    autoComplete={autoComplete}
                    required={needed && who === "new"}
                    value={address[name]}
                    onChange={(e) => setAddress({ ...address, [name]: e.target.value })}
                    aria-invalid={addressField(name) ? true : undefined}
                    aria-describedby={[addressField(name) ? `visit-${name}-error` : "", who === "existing" ? "visit-address-hint" : ""].filter(Boolean).join(" ") || undefined}
                    className={input}
                  />
                  {addressField(name) ? <p id={`visit-${name}-error`} className="mt-0.5 text-xs font-semibold text-red-700">{addressField(name)}</p> : null}
                </div>
              ))}
            </div>
          </fieldset>
        ) : null}
        <div>
          <label htmlFor="book-reason" className="block text-xs font-medium">{t("reason")}</label>
          <input id="book-reason" value={reason} onChange={(e) => setReason(e.target.value)} className={input} />
        </div>
        <div className="flex justify-end gap-2">
          <button type="button" onClick={() => dialogRef.current?.close()} className="rounded-md border border-slate-400 px-3 py-1.5 text-sm">{t("close")}</button>
          <button type="submit" disabled={pending} className="rounded-md bg-teal-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-teal-900 disabled:opacity-60">
            {pending ? t("booking") : t("submit")}
          </button>
        </div>
      </form>
    </dialog>
  );
}
