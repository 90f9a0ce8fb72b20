"use client";

import { buttonClass } from "@/components/form/button";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { fieldMessages } from "@/lib/errors/field-messages";
import { TextField } from "@/components/form/text-field";
import { homeAreaSchema } from "@/lib/schedules/schema";
import type { ScheduleLocation } from "@/lib/schedules/types";
import type { ActionResult } from "@/lib/actions/action-result";
import type { HomeAreaInput } from "@/lib/schedules/schema";
import type { ScheduleChangeResult } from "@/lib/schedules/types";
import { saveHomeArea } from "./actions";
import { ErrorSummary, summaryErrors } from "@/components/form/error-summary";
import { useScheduleNotice } from "./schedule-notice";
import { StrandedWarning } from "./stranded-warning";
import { useScheduleChange } from "./use-schedule-change";

interface HomeAreaFormProps {
  location: ScheduleLocation;
  /** The server action that saves it: the schedules page's, or the location settings' (administrators only). */
  save?: (input: HomeAreaInput) => Promise<ActionResult<ScheduleChangeResult>>;
}

/** The postal codes a location visits at home and the drive kept free around each visit. */
export function HomeAreaForm({ location, save: saveAction = saveHomeArea }: HomeAreaFormProps) {
  const t = useTranslations("staffSchedules");
  const idBase = useId();
  const ids = { postalCodes: `${idBase}-postal-codes`, travelMinutes: `${idBase}-travel` };
  const us = location.country.toUpperCase() === "US";
  const [draft, setDraft] = useState({ postalCodes: location.homePostalCodes.join(", "), travelMinutes: String(location.homeTravelMinutes) });
  const input = { ...draft, locationId: location.id };
  const notify = useScheduleNotice();
  const change = useScheduleChange(saveAction, (stranded) => {
    const parsed = homeAreaSchema(location.country).safeParse(input);
    const count = parsed.success ? parsed.data.postalCodes.length : 0;
    notify(t("homeArea.saved", { location: location.name, count, minutes: Number(draft.travelMinutes) }), stranded);
  });

  function save(event: React.FormEvent) {
    event.preventDefault();
    const parsed = homeAreaSchema(location.country).safeParse(input);
    if (!parsed.success) return change.showErrors(fieldMessages(parsed.error, { flat: true }));
    change.submit(input);
  }

  if (change.question) {
    const count = change.question.stranded.length;
    return (
      <StrandedWarning
        question={change.question}
        therapistFirstName=""
        title={t("homeArea.strandedTitle", { count })}
        pending={change.pending}
        onConfirm={() => change.submit(input, change.question?.stranded.map((s) => s.id))}
        onBack={change.dismissQuestion}
      />
    );
  }

  return (
    <form onSubmit={save} noValidate className="space-y-4">
      <ErrorSummary title={t("pleaseCheck")} errors={summaryErrors(change.fields, change.message, ids)} focusKey={change.attempt} className="mt-4" />
      <div>
        <label htmlFor={ids.postalCodes} className="block font-medium">
          {t("homeArea.postalCodes")}
        </label>
        <p id={`${ids.postalCodes}-hint`} className="mt-0.5 text-sm text-slate-600">
          {t("homeArea.postalHint", { us: us ? "yes" : "no", location: location.name })}
        </p>
        {change.fields.postalCodes ? (
          <p id={`${ids.postalCodes}-error`} className="mt-1 text-sm font-semibold text-red-700">
            {change.fields.postalCodes}
          </p>
        ) : null}
        <textarea
          id={ids.postalCodes}
          rows={3}
          value={draft.postalCodes}
          onChange={(e) => setDraft((d) => ({ ...d, postalCodes: e.target.value }))}
          aria-invalid={change.fields.postalCodes ? true : undefined}
          aria-describedby={[`${ids.postalCodes}-hint`, change.fields.postalCodes ? `${ids.postalCodes}-error` : ""].filter(Boolean).join(" ")}
          className="mt-1.5 block w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-base aria-invalid:border-2 aria-invalid:border-red-700"
        />
      </div>
      <TextField
        id={ids.travelMinutes}
        label={t("homeArea.travel")}
        hint={t("homeArea.travelHint")}
        type="number"
        inputMode="numeric"
        min={0}
        max={240}
        step={5}
        value={draft.travelMinutes}
        onChange={(e) => setDraft((d) => ({ ...d, travelMinutes: e.target.value }))}
        error={change.fields.travelMinutes}
        className="max-w-xs"
      />
      <button type="submit" disabled={change.pending} className={buttonClass("primary")}>
        {change.pending ? t("saving") : t.rich("homeArea.save", { location: location.name, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
      </button>
    </form>
  );
}
