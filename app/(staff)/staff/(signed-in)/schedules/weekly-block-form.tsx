"use client";

import { buttonClass } from "@/components/form/button";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { fieldMessages } from "@/lib/errors/field-messages";
import { TextField } from "@/components/form/text-field";
import { VISIT_MODES } from "@/lib/schedules/labels";
import { weeklyHoursInputSchema } from "@/lib/schedules/schema";
import type { StrandedAppointment, WeeklyHoursRow } from "@/lib/schedules/types";
import { formatClockRange, formatWallTime } from "@/lib/schedules/wall-time";
import { addWeeklyHours, changeWeeklyHours } from "./actions";
import { CheckboxGroup } from "@/components/form/checkbox-group";
import { ErrorSummary, summaryErrors } from "@/components/form/error-summary";
import type { LocationOption, TherapistRef } from "./schedule-props";
import { SelectField } from "@/components/form/select-field";
import { StrandedWarning } from "./stranded-warning";
import { useScheduleChange } from "./use-schedule-change";

interface WeeklyBlockFormProps {
  therapist: TherapistRef;
  locations: LocationOption[];
  /** The block being changed; absent when adding. */
  block?: WeeklyHoursRow;
  defaultLocationId: string;
  onSaved: (message: string, stranded: StrandedAppointment[]) => void;
  onCancel: () => void;
}

const CONTROL_IDS = {
  locationId: "block-location",
  weekday: "block-weekday",
  start: "block-start",
  end: "block-end",
  visitModes: "block-mode-CLINIC",
  validFrom: "block-valid-from",
  validUntil: "block-valid-until",
};

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export function WeeklyBlockForm({ therapist, locations, block, defaultLocationId, onSaved, onCancel }: WeeklyBlockFormProps) {
  const t = useTranslations("staffSchedules");
  const [draft, setDraft] = useState(() => ({
    locationId: block?.locationId ?? defaultLocationId,
    weekday: String(block?.weekday ?? 1),
    start: block ? formatWallTime(block.startMinute) : "",
    end: block ? formatWallTime(block.endMinute) : "",
    visitModes: block?.visitModes ?? (therapist.visitModes.includes("CLINIC") ? ["CLINIC" as const] : []),
    validFrom: block?.validFrom ?? "",
    validUntil: block?.validUntil ?? "",
  }));
  const input = { ...draft, therapistId: therapist.id };
  const location = locations.find((l) => l.id === draft.locationId);
  const change = useScheduleChange(
    (values: typeof input & { confirmStranded?: string[] }) => (block ? changeWeeklyHours({ ...values, id: block.id }) : addWeeklyHours(values)),
    (stranded) => {
      const parsed = weeklyHoursInputSchema.safeParse(input);
      const when = parsed.success
        ? `${t("weekday", { day: parsed.data.weekday })} ${formatClockRange(parsed.data.startMinute, parsed.data.endMinute)}`
        : t("weekly.theHours");
      onSaved(t("weekly.saved", { change: block ? "changed" : "added", therapist: therapist.firstName, when, location: location?.name ?? t("weekly.theLocation") }), stranded);
    },
  );
  // Modes the therapist offers, plus any this block already has, so they can be taken off.
  const modeChoices = VISIT_MODES.filter((mode) => therapist.visitModes.includes(mode) || draft.visitModes.includes(mode));
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) => setDraft((d) => ({ ...d, [key]: value }));

  function save(event: React.FormEvent) {
    event.preventDefault();
    const parsed = weeklyHoursInputSchema.safeParse(input);
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
      <SelectField
        id={CONTROL_IDS.locationId}
        label={t("blockForm.location")}
        value={draft.locationId}
        onChange={(e) => set("locationId", e.target.value)}
        error={fields.locationId}
        options={locations.map((l) => ({ value: l.id, label: l.name }))}
        data-initial-focus
      />
      <SelectField
        id={CONTROL_IDS.weekday}
        label={t("blockForm.day")}
        value={draft.weekday}
        onChange={(e) => set("weekday", e.target.value)}
        error={fields.weekday}
        options={WEEKDAYS.map((day) => ({ value: String(day), label: t("weekday", { day }) }))}
      />
      <p className="text-sm text-slate-700">{t("blockForm.clock", { zone: location?.zoneLabel ?? t("blockForm.chooseLocation") })}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id={CONTROL_IDS.start} label={t("blockForm.start")} type="time" step={900} value={draft.start} onChange={(e) => set("start", e.target.value)} error={fields.start} />
        <TextField id={CONTROL_IDS.end} label={t("blockForm.end")} type="time" step={900} value={draft.end} onChange={(e) => set("end", e.target.value)} error={fields.end} />
      </div>
      <CheckboxGroup
        id="block-mode"
        legend={t("blockForm.modes")}
        error={fields.visitModes}
        checked={draft.visitModes}
        onChange={(next) => set("visitModes", next)}
        choices={modeChoices.map((mode) => ({
          value: mode,
          label: t("mode", { mode }),
          hint: `${t("blockForm.modeHint", { mode })}${therapist.visitModes.includes(mode) ? "" : t("blockForm.notOffered", { therapist: therapist.firstName })}`,
          tone: mode === "HOME" ? "border-amber-300 bg-amber-50" : undefined,
        }))}
      />
      <fieldset>
        <legend className="font-medium">{t("blockForm.someWeeks")}</legend>
        <p className="text-sm text-slate-700">{t("blockForm.everyWeek")}</p>
        <div className="mt-2 grid gap-4 sm:grid-cols-2">
          <TextField id={CONTROL_IDS.validFrom} label={t("blockForm.from")} type="date" value={draft.validFrom} onChange={(e) => set("validFrom", e.target.value)} error={fields.validFrom} />
          <TextField id={CONTROL_IDS.validUntil} label={t("blockForm.until")} type="date" value={draft.validUntil} onChange={(e) => set("validUntil", e.target.value)} error={fields.validUntil} />
        </div>
      </fieldset>
      <div className="flex flex-wrap gap-2 pt-2">
        <button type="submit" disabled={change.pending} className={buttonClass("primary")}>
          {change.pending ? t("saving") : t("blockForm.save")}
        </button>
        <button type="button" onClick={onCancel} className={buttonClass("secondary")}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
