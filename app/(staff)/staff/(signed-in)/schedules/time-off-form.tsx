"use client";

import { buttonClass } from "@/components/form/button";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { fieldMessages } from "@/lib/errors/field-messages";
import { TextField } from "@/components/form/text-field";
import { timeOffInputSchema } from "@/lib/schedules/schema";
import type { StrandedAppointment, TimeOffKind } from "@/lib/schedules/types";
import { addTimeOff } from "./actions";
import { formatLocalDate } from "./format";
import { ErrorSummary, summaryErrors } from "@/components/form/error-summary";
import type { LocationOption, TherapistRef } from "./schedule-props";
import { SelectField } from "@/components/form/select-field";
import { StrandedWarning } from "./stranded-warning";
import { useScheduleChange } from "./use-schedule-change";

interface TimeOffFormProps {
  therapist: TherapistRef;
  locations: LocationOption[];
  onSaved: (message: string, stranded: StrandedAppointment[]) => void;
  onCancel: () => void;
}

const CONTROL_IDS = {
  kind: "time-off-kind-TIME_OFF",
  span: "time-off-span-days",
  locationId: "time-off-location",
  firstDay: "time-off-first-day",
  lastDay: "time-off-last-day",
  startsAt: "time-off-starts",
  endsAt: "time-off-ends",
  note: "time-off-note",
};

const KINDS: readonly TimeOffKind[] = ["TIME_OFF", "BLOCKED"];

const SPANS = ["days", "times"] as const;

export function TimeOffForm({ therapist, locations, onSaved, onCancel }: TimeOffFormProps) {
  const t = useTranslations("staffSchedules");
  const [draft, setDraft] = useState({
    kind: "TIME_OFF" as TimeOffKind,
    span: "days" as "days" | "times",
    locationId: locations[0]?.id ?? "",
    firstDay: "",
    lastDay: "",
    startsAt: "",
    endsAt: "",
    note: "",
  });
  const input = { ...draft, therapistId: therapist.id };
  const location = locations.find((l) => l.id === draft.locationId);
  // Only a therapist working in more than one zone needs to say whose clock the times are on.
  const zones = new Set(locations.map((l) => l.timeZone));
  const change = useScheduleChange(addTimeOff, (stranded) => {
    const when =
      draft.span === "days"
        ? draft.firstDay === draft.lastDay
          ? formatLocalDate(draft.firstDay)
          : `${formatLocalDate(draft.firstDay)} – ${formatLocalDate(draft.lastDay)}`
        : `${draft.startsAt.replace("T", " ")} – ${draft.endsAt.replace("T", " ")}`;
    onSaved(t("timeOff.added", { kind: draft.kind, therapist: therapist.firstName, when }), stranded);
  });
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) => setDraft((d) => ({ ...d, [key]: value }));

  function save(event: React.FormEvent) {
    event.preventDefault();
    const parsed = timeOffInputSchema.safeParse(input);
    if (!parsed.success) return change.showErrors(fieldMessages(parsed.error, { flat: true }));
    change.submit(input);
  }

  if (change.question) {
    return (
      <StrandedWarning
        question={change.question}
        therapistFirstName={therapist.firstName}
        pending={change.pending}
        onConfirm={() => change.submit(input, change.question?.stranded.map((s) => s.id))}
        onBack={change.dismissQuestion}
      />
    );
  }

  const { fields } = change;
  return (
    <form onSubmit={save} noValidate className="mt-2 space-y-4">
      <ErrorSummary title={t("pleaseCheck")} errors={summaryErrors(fields, change.message, CONTROL_IDS)} focusKey={change.attempt} className="mt-4" />
      <fieldset>
        <legend className="font-medium">{t("timeOff.kindLegend")}</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {KINDS.map((kind, i) => (
            <div key={kind} className="flex gap-3 rounded-lg border border-slate-300 p-3">
              <input
                type="radio"
                id={`time-off-kind-${kind}`}
                name="kind"
                checked={draft.kind === kind}
                onChange={() => set("kind", kind)}
                aria-describedby={`time-off-kind-${kind}-hint`}
                className="mt-1 size-5 shrink-0"
                {...(i === 0 ? { "data-initial-focus": true } : {})}
              />
              <div>
                <label htmlFor={`time-off-kind-${kind}`} className="font-semibold">
                  {t("timeOff.kind", { kind })}
                </label>
                <p id={`time-off-kind-${kind}-hint`} className="text-sm text-slate-700">
                  {t("timeOff.kindHint", { kind })}
                </p>
              </div>
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="font-medium">{t("timeOff.spanLegend")}</legend>
        <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
          {SPANS.map((span) => (
            <div key={span} className="flex items-center gap-2">
              <input type="radio" id={`time-off-span-${span}`} name="span" checked={draft.span === span} onChange={() => set("span", span)} className="size-5" />
              <label htmlFor={`time-off-span-${span}`}>{t("timeOff.span", { span })}</label>
            </div>
          ))}
        </div>
      </fieldset>
      {zones.size > 1 ? (
        <SelectField
          id={CONTROL_IDS.locationId}
          label={t("timeOff.clockOf")}
          value={draft.locationId}
          onChange={(e) => set("locationId", e.target.value)}
          error={fields.locationId}
          options={locations.map((l) => ({ value: l.id, label: `${l.name}: ${l.zoneLabel}` }))}
        />
      ) : (
        <p className="text-sm text-slate-700">{t("timeOff.clinicClock", { zone: location?.zoneLabel ?? "" })}</p>
      )}
      {draft.span === "days" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField id={CONTROL_IDS.firstDay} label={t("timeOff.firstDay")} type="date" value={draft.firstDay} onChange={(e) => set("firstDay", e.target.value)} error={fields.firstDay} />
          <TextField
            id={CONTROL_IDS.lastDay}
            label={t("timeOff.lastDay")}
            hint={t("timeOff.lastDayHint")}
            type="date"
            value={draft.lastDay}
            onChange={(e) => set("lastDay", e.target.value)}
            error={fields.lastDay}
          />
        </div>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField id={CONTROL_IDS.startsAt} label={t("timeOff.starts")} type="datetime-local" value={draft.startsAt} onChange={(e) => set("startsAt", e.target.value)} error={fields.startsAt} />
          <TextField id={CONTROL_IDS.endsAt} label={t("timeOff.ends")} type="datetime-local" value={draft.endsAt} onChange={(e) => set("endsAt", e.target.value)} error={fields.endsAt} />
        </div>
      )}
      <TextField id={CONTROL_IDS.note} label={t("timeOff.note")} hint={t("timeOff.noteHint")} maxLength={200} value={draft.note} onChange={(e) => set("note", e.target.value)} error={fields.note} />
      <div className="flex flex-wrap gap-2 pt-2">
        <button type="submit" disabled={change.pending} className={buttonClass("primary")}>
          {change.pending ? t("saving") : t("timeOff.save")}
        </button>
        <button type="button" onClick={onCancel} className={buttonClass("secondary")}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
