"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { buttonClass } from "@/components/form/button";
import { ErrorSummary, type SummaryError } from "@/components/form/error-summary";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import type { PlanAlternativeDto, PlanFormData, PlanProposalDto } from "@/lib/care-plans/data";

type Mode = "CLINIC" | "HOME" | "VIDEO";
type Kind = PlanAlternativeDto["kind"] | "fresh";
interface Choice {
  kind: Kind;
  start: string;
  therapistId: string;
}
interface Row {
  index: number;
  date: string;
  proposed: Choice | null;
  conflict: PlanProposalDto["occurrences"][number]["conflict"];
  alternatives: Choice[];
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const dayWords = new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
/** A local date as words; the date is already the location's, so it is read as UTC to keep it. */
const day = (date: string) => dayWords.format(new Date(`${date}T00:00:00Z`));
/** The local time an instant written with the location's offset shows. */
const timeOf = (start: string) => start.slice(11, 16);
const toMinutes = (time: string) => (/^\d{2}:\d{2}$/.test(time) ? Number(time.slice(0, 2)) * 60 + Number(time.slice(3)) : NaN);

/** Which control an API field path belongs to. */
function fieldId(path: string, sent: number[]): string | undefined {
  const occurrence = /^occurrences\.(\d+)/.exec(path);
  if (occurrence) return `visit-${sent[Number(occurrence[1])] ?? 0}`;
  const name = path.replace(/^plan\./, "").split(".")[0];
  return name ? `plan-${name}` : undefined;
}

export function PlanForm({ form, ownTherapistId }: { form: PlanFormData; ownTherapistId: string | null }) {
  const t = useTranslations("staffCarePlans");
  const d = form.defaults;
  const [values, setValues] = useState({
    treats: "",
    serviceId: d?.serviceId ?? form.services[0]?.id ?? "",
    locationId: d?.locationId ?? form.locations[0]?.id ?? "",
    mode: (d?.mode ?? "CLINIC") as Mode,
    therapistId: ownTherapistId ?? d?.therapistId ?? "",
    visitsPerWeek: "2",
    weeks: "6",
    days: [1, 4] as number[],
    windowStart: "09:00",
    windowEnd: "12:00",
    startsOn: form.locations.find((l) => l.id === (d?.locationId ?? form.locations[0]?.id))?.today ?? "",
  });
  const [rows, setRows] = useState<Row[] | null>(null);
  const [choices, setChoices] = useState<Record<number, string>>({});
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [focusKey, setFocusKey] = useState(0);
  const [busy, setBusy] = useState<"propose" | "book" | null>(null);
  const [booked, setBooked] = useState<{ count: number; manageUrl: string } | null>(null);

  const nameOf = (id: string) => form.therapists.find((th) => th.id === id)?.name ?? "";
  const service = form.services.find((s) => s.id === values.serviceId);
  const therapists = form.therapists.filter((th) => th.locationIds.includes(values.locationId) && th.serviceIds.includes(values.serviceId));
  const set = (patch: Partial<typeof values>) => {
    setValues((v) => ({ ...v, ...patch }));
    setRows(null);
  };

  const plan = () => ({
    patientId: form.patient.id,
    therapistId: values.therapistId,
    serviceId: values.serviceId,
    locationId: values.locationId,
    mode: values.mode,
    treats: values.treats,
    visitsPerWeek: Number(values.visitsPerWeek),
    weeks: Number(values.weeks),
    preferredWeekdays: [...values.days].sort(),
    windowStartMinute: toMinutes(values.windowStart),
    windowEndMinute: toMinutes(values.windowEnd),
    startsOn: values.startsOn,
    ...(d && d.serviceId === values.serviceId ? { createdFromAppointmentId: d.appointmentId } : {}),
  });

  async function post(url: string, body: unknown, sent: number[] = []) {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const data = await response.json();
    if (response.ok) {
      setErrors([]);
      setFieldErrors({});
      return { ok: true as const, data };
    }
    const fields: Record<string, string> = {};
    for (const [path, message] of Object.entries((data.error?.fields ?? {}) as Record<string, string>)) {
      const id = fieldId(path, sent);
      if (id) fields[id] = message;
    }
    setFieldErrors(fields);
    const listed = Object.entries(fields).map(([id, message]) => ({ fieldId: id, message }));
    setErrors(listed.length > 0 ? listed : [{ message: data.error?.message ?? "" }]);
    setFocusKey((k) => k + 1);
    return { ok: false as const, data };
  }

  async function propose(event: FormEvent) {
    event.preventDefault();
    setBusy("propose");
    setBooked(null);
    const result = await post("/api/staff/care-plans/propose", plan()).finally(() => setBusy(null));
    if (!result.ok) return;
    const proposal = result.data as PlanProposalDto;
    const next: Row[] = proposal.occurrences.map((o) => ({
      index: o.index,
      date: o.date,
      proposed: o.time ? { kind: "same-day", start: o.time.start, therapistId: o.time.therapistId } : null,
      conflict: o.conflict,
      alternatives: o.alternatives.map((a) => ({ kind: a.kind, start: a.start, therapistId: a.therapistId })),
    }));
    setRows(next);
    setChoices(Object.fromEntries(next.map((r) => [r.index, r.proposed ? "proposed" : r.alternatives.length > 0 ? "0" : "skip"])));
  }

  const chosen = (row: Row): Choice | null => {
    const choice = choices[row.index];
    if (choice === "proposed") return row.proposed;
    if (choice === undefined || choice === "skip") return null;
    return row.alternatives[Number(choice)] ?? null;
  };

  async function book() {
    if (!rows) return;
    const sent = rows.filter((r) => chosen(r)).map((r) => r.index);
    const occurrences = rows.flatMap((r) => {
      const c = chosen(r);
      return c ? [{ start: c.start, therapistId: c.therapistId }] : [];
    });
    setBusy("book");
    const result = await post("/api/staff/care-plans", { plan: plan(), occurrences }, sent).finally(() => setBusy(null));
    if (result.ok) {
      setBooked({ count: result.data.appointments.length, manageUrl: result.data.manageUrl });
      setRows(null);
      return;
    }
    // A visit taken meanwhile: its fresh alternatives replace the old ones.
    const named = Object.keys(result.data.error?.fields ?? {}).map((path) => /^occurrences\.(\d+)$/.exec(path)?.[1]).find(Boolean);
    const alternatives = (result.data.alternatives ?? []) as { start: string; therapistId: string }[];
    if (named !== undefined && alternatives.length > 0) {
      const index = sent[Number(named)]!;
      setRows((current) =>
        current?.map((r) => (r.index === index ? { ...r, proposed: null, conflict: "taken", alternatives: alternatives.map((a) => ({ kind: "fresh" as const, start: a.start, therapistId: a.therapistId })) } : r)) ?? null,
      );
      setChoices((c) => ({ ...c, [index]: "0" }));
    }
  }

  const conflicts = rows?.filter((r) => !r.proposed).length ?? 0;

  return (
    <div className="mt-6 space-y-6">
      <ErrorSummary title={t("errorTitle")} errors={errors} focusKey={focusKey} />
      {booked ? (
        <div role="status" className="rounded-md border border-teal-300 bg-teal-50 p-3 text-sm text-teal-900">
          <p>{t("booked", { count: booked.count })}</p>
          <p className="mt-2">
            {t("manageLink")}: <a href={booked.manageUrl} className="break-all underline">{booked.manageUrl}</a>
          </p>
        </div>
      ) : null}
      <form onSubmit={propose} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
        <TextField id="plan-treats" label={t("fields.treats")} hint={t("fields.treatsHint")} error={fieldErrors["plan-treats"]} value={values.treats} maxLength={200} required onChange={(e) => set({ treats: e.target.value })} />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField id="plan-serviceId" label={t("fields.service")} error={fieldErrors["plan-serviceId"]} value={values.serviceId} options={form.services.map((s) => ({ value: s.id, label: s.name }))} onChange={(e) => set({ serviceId: e.target.value })} />
          <SelectField id="plan-locationId" label={t("fields.location")} error={fieldErrors["plan-locationId"]} value={values.locationId} options={form.locations.map((l) => ({ value: l.id, label: l.name }))} onChange={(e) => set({ locationId: e.target.value })} />
          <SelectField id="plan-mode" label={t("fields.mode")} error={fieldErrors["plan-mode"]} value={values.mode} options={(service?.visitModes ?? ["CLINIC"]).map((m) => ({ value: m, label: t(`modes.${m}`) }))} onChange={(e) => set({ mode: e.target.value as Mode })} />
          <SelectField
            id="plan-therapistId"
            label={t("fields.therapist")}
            error={fieldErrors["plan-therapistId"]}
            value={values.therapistId}
            disabled={ownTherapistId !== null}
            options={[{ value: "", label: "—" }, ...therapists.map((th) => ({ value: th.id, label: th.name }))]}
            onChange={(e) => set({ therapistId: e.target.value })}
          />
          <TextField id="plan-visitsPerWeek" type="number" min={1} max={5} label={t("fields.visitsPerWeek")} error={fieldErrors["plan-visitsPerWeek"]} value={values.visitsPerWeek} onChange={(e) => set({ visitsPerWeek: e.target.value })} />
          <TextField id="plan-weeks" type="number" min={1} max={26} label={t("fields.weeks")} error={fieldErrors["plan-weeks"]} value={values.weeks} onChange={(e) => set({ weeks: e.target.value })} />
          <TextField id="plan-windowStartMinute" type="time" label={t("fields.windowStart")} error={fieldErrors["plan-windowStartMinute"]} value={values.windowStart} onChange={(e) => set({ windowStart: e.target.value })} />
          <TextField id="plan-windowEndMinute" type="time" label={t("fields.windowEnd")} error={fieldErrors["plan-windowEndMinute"]} value={values.windowEnd} onChange={(e) => set({ windowEnd: e.target.value })} />
          <TextField id="plan-startsOn" type="date" label={t("fields.startsOn")} error={fieldErrors["plan-startsOn"]} value={values.startsOn} onChange={(e) => set({ startsOn: e.target.value })} />
        </div>
        <fieldset id="plan-preferredWeekdays" tabIndex={-1} aria-describedby={fieldErrors["plan-preferredWeekdays"] ? "plan-preferredWeekdays-error" : undefined}>
          <legend className="font-semibold">{t("fields.days")}</legend>
          {fieldErrors["plan-preferredWeekdays"] ? (
            <p id="plan-preferredWeekdays-error" className="mt-1 text-sm font-semibold text-red-800">
              {fieldErrors["plan-preferredWeekdays"]}
            </p>
          ) : null}
          <div className="mt-2 flex flex-wrap gap-4">
            {WEEKDAYS.map((weekday) => (
              <label key={weekday} className="flex min-h-11 items-center gap-2">
                <input
                  type="checkbox"
                  className="size-5"
                  checked={values.days.includes(weekday)}
                  onChange={(e) => set({ days: e.target.checked ? [...values.days, weekday] : values.days.filter((x) => x !== weekday) })}
                />
                {t(`weekdays.${weekday}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className={buttonClass()} disabled={busy !== null}>
          {busy === "propose" ? t("proposing") : t("propose")}
        </button>
      </form>

      {rows ? (
        <section aria-labelledby="proposal-heading" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="proposal-heading" className="text-lg font-semibold">
            {t("proposal")}
          </h2>
          <p role="status" className="mt-1 text-sm text-slate-700">
            {t("summary", { count: rows.length, conflicts })}
          </p>
          <ol className="mt-4 space-y-3">
            {rows.map((row) => (
              <li key={row.index} id={`visit-${row.index}`} tabIndex={-1} className={`rounded-md border p-3 ${row.proposed ? "border-slate-200" : "border-amber-600 bg-amber-50"}`}>
                <p className="font-semibold">{t("visit", { number: row.index + 1, day: day(row.date) })}</p>
                {row.proposed ? (
                  <p>{t("proposed", { time: timeOf(row.proposed.start), therapist: nameOf(row.proposed.therapistId) })}</p>
                ) : (
                  <>
                    <p className="text-amber-900">{row.conflict ? t(`conflicts.${row.conflict}`, { therapist: nameOf(values.therapistId) }) : null}</p>
                    {fieldErrors[`visit-${row.index}`] ? <p className="mt-1 text-sm font-semibold text-red-800">{fieldErrors[`visit-${row.index}`]}</p> : null}
                    <fieldset className="mt-2">
                      <legend className="text-sm font-semibold">{t("alternativesLegend", { number: row.index + 1 })}</legend>
                      {row.alternatives.length === 0 ? <p className="text-sm">{t("noAlternatives")}</p> : null}
                      {row.alternatives.map((a, i) => (
                        <label key={`${a.start}${a.therapistId}`} className="mt-1 flex min-h-11 items-center gap-2">
                          <input type="radio" className="size-5" name={`visit-${row.index}-choice`} checked={choices[row.index] === String(i)} onChange={() => setChoices((c) => ({ ...c, [row.index]: String(i) }))} />
                          {t("alternative", { kind: t(`kinds.${a.kind}`), day: day(a.start.slice(0, 10)), time: timeOf(a.start), therapist: nameOf(a.therapistId) })}
                        </label>
                      ))}
                      <label className="mt-1 flex min-h-11 items-center gap-2">
                        <input type="radio" className="size-5" name={`visit-${row.index}-choice`} checked={choices[row.index] === "skip"} onChange={() => setChoices((c) => ({ ...c, [row.index]: "skip" }))} />
                        {t("skip")}
                      </label>
                    </fieldset>
                  </>
                )}
              </li>
            ))}
          </ol>
          <button type="button" className={`${buttonClass()} mt-4`} disabled={busy !== null} onClick={book}>
            {busy === "book" ? t("booking") : t("book")}
          </button>
        </section>
      ) : null}
    </div>
  );
}
