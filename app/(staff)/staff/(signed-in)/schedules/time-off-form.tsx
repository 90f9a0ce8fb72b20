"use client";

import { buttonClass } from "@/components/form/button";
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

const KINDS: { value: TimeOffKind; label: string; hint: string }[] = [
  { value: "TIME_OFF", label: "Time off", hint: "Holiday, sick leave, training." },
  { value: "BLOCKED", label: "Blocked time", hint: "Meetings or admin: at work, but not bookable." },
];

const SPANS = [
  { value: "days", label: "Whole days" },
  { value: "times", label: "From a time to a time" },
] as const;

export function TimeOffForm({ therapist, locations, onSaved, onCancel }: TimeOffFormProps) {
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
    const what = draft.kind === "TIME_OFF" ? "time off" : "blocked time";
    const when =
      draft.span === "days"
        ? draft.firstDay === draft.lastDay
          ? formatLocalDate(draft.firstDay)
          : `${formatLocalDate(draft.firstDay)} – ${formatLocalDate(draft.lastDay)}`
        : `${draft.startsAt.replace("T", " ")} – ${draft.endsAt.replace("T", " ")}`;
    onSaved(`Added ${what} for ${therapist.firstName}: ${when}.`, stranded);
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
      <ErrorSummary title="Please check:" errors={summaryErrors(fields, change.message, CONTROL_IDS)} focusKey={change.attempt} className="mt-4" />
      <fieldset>
        <legend className="font-medium">Kind</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {KINDS.map((kind, i) => (
            <div key={kind.value} className="flex gap-3 rounded-lg border border-slate-300 p-3">
              <input
                type="radio"
                id={`time-off-kind-${kind.value}`}
                name="kind"
                checked={draft.kind === kind.value}
                onChange={() => set("kind", kind.value)}
                aria-describedby={`time-off-kind-${kind.value}-hint`}
                className="mt-1 size-5 shrink-0"
                {...(i === 0 ? { "data-initial-focus": true } : {})}
              />
              <div>
                <label htmlFor={`time-off-kind-${kind.value}`} className="font-semibold">
                  {kind.label}
                </label>
                <p id={`time-off-kind-${kind.value}-hint`} className="text-sm text-slate-700">
                  {kind.hint}
                </p>
              </div>
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="font-medium">How long</legend>
        <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
          {SPANS.map((span) => (
            <div key={span.value} className="flex items-center gap-2">
              <input type="radio" id={`time-off-span-${span.value}`} name="span" checked={draft.span === span.value} onChange={() => set("span", span.value)} className="size-5" />
              <label htmlFor={`time-off-span-${span.value}`}>{span.label}</label>
            </div>
          ))}
        </div>
      </fieldset>
      {zones.size > 1 ? (
        <SelectField
          id={CONTROL_IDS.locationId}
          label="Dates and times are on the clock of"
          value={draft.locationId}
          onChange={(e) => set("locationId", e.target.value)}
          error={fields.locationId}
          options={locations.map((l) => ({ value: l.id, label: `${l.name}: ${l.zoneLabel}` }))}
        />
      ) : (
        <p className="text-sm text-slate-700">Dates and times are on the clinic&apos;s clock: {location?.zoneLabel}.</p>
      )}
      {draft.span === "days" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField id={CONTROL_IDS.firstDay} label="First day" type="date" value={draft.firstDay} onChange={(e) => set("firstDay", e.target.value)} error={fields.firstDay} />
          <TextField
            id={CONTROL_IDS.lastDay}
            label="Last day"
            hint="The same as the first day for a single day."
            type="date"
            value={draft.lastDay}
            onChange={(e) => set("lastDay", e.target.value)}
            error={fields.lastDay}
          />
        </div>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField id={CONTROL_IDS.startsAt} label="Starts" type="datetime-local" value={draft.startsAt} onChange={(e) => set("startsAt", e.target.value)} error={fields.startsAt} />
          <TextField id={CONTROL_IDS.endsAt} label="Ends" type="datetime-local" value={draft.endsAt} onChange={(e) => set("endsAt", e.target.value)} error={fields.endsAt} />
        </div>
      )}
      <TextField id={CONTROL_IDS.note} label="Note (optional)" hint="Staff see it; patients do not." maxLength={200} value={draft.note} onChange={(e) => set("note", e.target.value)} error={fields.note} />
      <div className="flex flex-wrap gap-2 pt-2">
        <button type="submit" disabled={change.pending} className={buttonClass("primary")}>
          {change.pending ? "Saving…" : "Save time off"}
        </button>
        <button type="button" onClick={onCancel} className={buttonClass("secondary")}>
          Cancel
        </button>
      </div>
    </form>
  );
}
