"use client";

import { useRouter } from "next/navigation";
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

const TEXT_FIELDS = [
  { name: "name", label: "Name", autoComplete: "off" },
  { name: "addressLine1", label: "Street address", autoComplete: "off" },
  { name: "addressLine2", label: "Address line 2 (optional)", autoComplete: "off" },
  { name: "city", label: "City", autoComplete: "off" },
  { name: "region", label: "State or region", autoComplete: "off" },
  { name: "postalCode", label: "Postal code", autoComplete: "off" },
  { name: "country", label: "Country", hint: "Two-letter code, e.g. US.", autoComplete: "off" },
  { name: "phone", label: "Phone (optional)", autoComplete: "off" },
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
          const n = stranded.length;
          const still = n === 0 ? "" : ` ${n === 1 ? "1 booked visit is" : `${n} booked visits are`} affected and still booked: please contact the ${n === 1 ? "patient" : "patients"}.`;
          setSaved((s) => ({ text: `Saved ${draft.name}.${still}`, version: (s?.version ?? 0) + 1 }));
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
    const visits = count === 1 ? "1 booked visit is" : `${count} booked visits are`;
    return (
      <StrandedWarning
        question={change.question}
        therapistFirstName=""
        title={closing ? `${visits} still to come at ${location?.name}` : `${visits} still to come at ${location?.name}, whose clock would change`}
        note={
          closing
            ? undefined
            : `A new time zone keeps each visit at the same moment, so the time it shows on the location's clock changes: each is listed below with its time in ${draft.timeZone}.`
        }
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
      <ErrorSummary title="Please check:" errors={summaryErrors(fields, change.message, ids)} focusKey={change.attempt} />
      <div className="grid gap-4 sm:grid-cols-2">
        {TEXT_FIELDS.map((field) => (
          <TextField
            key={field.name}
            id={ids[field.name]!}
            label={field.label}
            hint={"hint" in field ? field.hint : undefined}
            autoComplete={field.autoComplete}
            value={draft[field.name]}
            onChange={(e) => set(field.name, e.target.value)}
            error={fields[field.name]}
          />
        ))}
        <TextField
          id={ids.timeZone!}
          label="Time zone"
          hint="The IANA name, e.g. America/Denver: every time at this location is read on its clock."
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
            label="Postal codes visited at home (optional)"
            hint="Separated by commas. Change them later on the location's page."
            value={draft.homePostalCodes}
            onChange={(e) => set("homePostalCodes", e.target.value)}
            error={fields.homePostalCodes}
          />
          <TextField
            id={ids.homeTravelMinutes!}
            label="Travel time (minutes)"
            hint="Kept free before and after each home visit."
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
            Open for booking
          </label>
          <p id={`${ids.active}-hint`} className="text-sm text-slate-600">
            A closed location is not offered online; its visits stay booked until the desk moves them.
          </p>
        </div>
      </div>
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? "Saving…" : location ? "Save location" : "Add location"}
      </button>
    </form>
  );
}
