"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { buttonClass } from "@/components/form/button";
import { ErrorSummary, summaryErrors } from "@/components/form/error-summary";
import { TextField } from "@/components/form/text-field";
import { useFocusOn } from "@/components/form/use-focus-on";
import type { LocationSettings } from "@/lib/locations/data";
import type { StrandedAppointment } from "@/lib/schedules/types";
import { StrandedWarning } from "../../schedules/stranded-warning";
import { useScheduleChange } from "../../schedules/use-schedule-change";
import { addLocation, changeLocation } from "./actions";

/** The text fields, each labelled by its locations.field message (and hinted by its `hint` message, when it has one). */
const TEXT_FIELDS = [
  { name: "name", autoComplete: "off" },
  { name: "addressLine1", autoComplete: "off" },
  { name: "addressLine2", autoComplete: "off" },
  { name: "city", autoComplete: "off" },
  { name: "region", autoComplete: "off" },
  { name: "postalCode", autoComplete: "off" },
  { name: "country", hint: "countryHint", autoComplete: "off" },
  { name: "phone", autoComplete: "off" },
] as const;

type Draft = Record<(typeof TEXT_FIELDS)[number]["name"] | "timeZone" | "homePostalCodes" | "homeTravelMinutes", string> & { active: boolean };

function draftOf(location: LocationSettings | undefined): Draft {
  return {
    name: location?.name ?? "",
    addressLine1: location?.addressLine1 ?? "",
    addressLine2: location?.addressLine2 ?? "",
    city: location?.city ?? "",
    region: location?.region ?? "",
    postalCode: location?.postalCode ?? "",
    country: location?.country ?? "US",
    phone: location?.phone ?? "",
    timeZone: location?.timeZone ?? "",
    homePostalCodes: "",
    homeTravelMinutes: "30",
    active: location?.active ?? true,
  };
}

/** A location's details: adds one when `location` is absent, else changes it (asking first when booked visits are affected). */
export function LocationForm({ location, timeZones }: { location?: LocationSettings; timeZones: readonly string[] }) {
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>(() => draftOf(location));
  const [saved, setSaved] = useState<{ text: string; version: number } | null>(null);
  const savedRef = useFocusOn<HTMLParagraphElement>(saved);
  const t = useTranslations("staffSettings.locations");
  return (
    <>
      <p ref={savedRef} tabIndex={-1} role="status" className="mb-3 font-semibold text-teal-900 focus:outline-none">
        {saved?.text}
      </p>
      <LocationEditor
        key={saved?.version ?? 0}
        location={location}
        timeZones={timeZones}
        draft={draft}
        setDraft={setDraft}
        onEdit={() => setSaved((s) => (s ? { ...s, text: "" } : s))}
        onSaved={(stranded) => {
          const text = t("saved", { name: draft.name, stranded: stranded.length });
          setSaved((s) => ({ text, version: (s?.version ?? 0) + 1 }));
          router.refresh();
        }}
      />
    </>
  );
}

interface LocationEditorProps {
  location?: LocationSettings;
  timeZones: readonly string[];
  draft: Draft;
  setDraft: (update: (d: Draft) => Draft) => void;
  onEdit: () => void;
  onSaved: (stranded: StrandedAppointment[]) => void;
}

function LocationEditor({ location, timeZones, draft, setDraft, onEdit, onSaved }: LocationEditorProps) {
  const idBase = useId();
  const ids = Object.fromEntries([...TEXT_FIELDS.map((f) => f.name), "timeZone", "homePostalCodes", "homeTravelMinutes", "active"].map((name) => [name, `${idBase}-${name}`]));
  const zoneListId = `${idBase}-zones`;
  const router = useRouter();
  const [creating, startCreate] = useTransition();
  const set = (name: keyof Draft, value: string | boolean) => setDraft((d) => ({ ...d, [name]: value }));
  const change = useScheduleChange(changeLocation, onSaved);
  const { homePostalCodes, homeTravelMinutes, ...details } = draft;
  const updateInput = location ? { ...details, id: location.id } : null;
  const t = useTranslations("staffSettings");

  function submit(event: React.FormEvent) {
    event.preventDefault();
    onEdit();
    if (updateInput) return change.submit(updateInput);
    startCreate(async () => {
      const result = await addLocation({ ...details, homePostalCodes, homeTravelMinutes });
      if (result.ok) router.push(`/staff/settings/locations/${result.data.id}`);
      else change.showErrors(result.fields, Object.keys(result.fields).length === 0 ? result.message : null);
    });
  }

  if (change.question && updateInput) {
    const closing = location?.active && !draft.active;
    const count = change.question.stranded.length;
    const name = location?.name ?? "";
    return (
      <StrandedWarning
        question={change.question}
        therapistFirstName=""
        title={closing ? t("locations.closingTitle", { count, name }) : t("locations.zoneTitle", { count, name })}
        note={closing ? undefined : t("locations.zoneNote", { timeZone: draft.timeZone })}
        pending={change.pending}
        onConfirm={() => change.submit(updateInput, change.question?.stranded.map((s) => s.id))}
        onBack={change.dismissQuestion}
      />
    );
  }

  const fields = change.fields;
  const pending = change.pending || creating;
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <ErrorSummary title={t("pleaseCheck")} errors={summaryErrors(fields, change.message, ids)} focusKey={change.attempt} />
      <div className="grid gap-4 sm:grid-cols-2">
        {TEXT_FIELDS.map((field) => (
          <TextField
            key={field.name}
            id={ids[field.name]!}
            label={t(`locations.field.${field.name}`)}
            hint={"hint" in field ? t(`locations.field.${field.hint}`) : undefined}
            autoComplete={field.autoComplete}
            value={draft[field.name]}
            onChange={(e) => set(field.name, e.target.value)}
            error={fields[field.name]}
          />
        ))}
        <TextField
          id={ids.timeZone!}
          label={t("locations.field.timeZone")}
          hint={t("locations.field.timeZoneHint")}
          list={zoneListId}
          autoComplete="off"
          value={draft.timeZone}
          onChange={(e) => set("timeZone", e.target.value)}
          error={fields.timeZone}
        />
        <datalist id={zoneListId}>
          {timeZones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </div>
      {location ? null : (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            id={ids.homePostalCodes!}
            label={t("locations.field.homePostalCodes")}
            hint={t("locations.field.homePostalCodesHint")}
            value={draft.homePostalCodes}
            onChange={(e) => set("homePostalCodes", e.target.value)}
            error={fields.homePostalCodes}
          />
          <TextField
            id={ids.homeTravelMinutes!}
            label={t("locations.field.travel")}
            hint={t("locations.field.travelHint")}
            type="number"
            inputMode="numeric"
            min={0}
            max={240}
            value={draft.homeTravelMinutes}
            onChange={(e) => set("homeTravelMinutes", e.target.value)}
            error={fields.homeTravelMinutes}
          />
        </div>
      )}
      <div className="flex items-start gap-3">
        <input id={ids.active} type="checkbox" checked={draft.active} onChange={(e) => set("active", e.target.checked)} className="mt-1 size-5" aria-describedby={`${ids.active}-hint`} />
        <div>
          <label htmlFor={ids.active} className="font-medium">
            {t("locations.field.active")}
          </label>
          <p id={`${ids.active}-hint`} className="text-sm text-slate-600">
            {t("locations.field.activeHint")}
          </p>
        </div>
      </div>
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? t("saving") : location ? t("locations.save") : t("locations.addSubmit")}
      </button>
    </form>
  );
}
