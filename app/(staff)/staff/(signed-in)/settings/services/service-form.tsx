"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { buttonClass } from "@/components/form/button";
import { CheckboxGroup } from "@/components/form/checkbox-group";
import { ErrorSummary, summaryErrors } from "@/components/form/error-summary";
import { describedBy, FieldFrame } from "@/components/form/field-frame";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { useFocusOn } from "@/components/form/use-focus-on";
import { fieldMessages } from "@/lib/errors/field-messages";
import { VISIT_MODE_LABELS, VISIT_MODES } from "@/lib/schedules/labels";
import type { StrandedAppointment } from "@/lib/schedules/types";
import type { ServiceDetail, TherapistOption } from "@/lib/services/data";
import { cutoffFormValue, priceFormValue, serviceFormSchema, type CutoffUnit, type ServiceForm as ServiceFormInput } from "@/lib/services/schema";
import { StrandedList } from "../../schedules/stranded-list";
import { StrandedWarning } from "../../schedules/stranded-warning";
import { useScheduleChange } from "../../schedules/use-schedule-change";
import { addServiceAction, changeServiceAction } from "./actions";
import { durationLabel } from "./service-labels";

interface ServiceFormProps {
  /** The service being changed; absent when adding one. */
  service?: ServiceDetail;
  therapists: TherapistOption[];
}

const MODE_HINTS = {
  CLINIC: "At one of the practice's locations.",
  HOME: "At the patient's home, inside a location's home-visit area.",
  VIDEO: "A video call from the patient's own device.",
} as const;

const CONTROL_IDS = {
  nameEn: "service-name-en",
  nameEs: "service-name-es",
  descriptionEn: "service-description-en",
  descriptionEs: "service-description-es",
  durationMinutes: "service-duration",
  price: "service-price",
  visitModes: "service-mode-CLINIC",
  bufferBeforeMinutes: "service-buffer-before",
  bufferAfterMinutes: "service-buffer-after",
  minNoticeMinutes: "service-min-notice",
  horizonDays: "service-horizon",
  cancelCutoff: "service-cutoff",
  cancelCutoffUnit: "service-cutoff-unit",
  newPatientsOnly: "service-new-patients",
  active: "service-active",
} as const;

type Draft = ServiceFormInput & { active: boolean };

function initialDraft(service: ServiceDetail | undefined): Draft {
  if (!service) {
    return {
      nameEn: "",
      nameEs: "",
      descriptionEn: "",
      descriptionEs: "",
      durationMinutes: "45",
      price: "",
      visitModes: ["CLINIC"],
      bufferBeforeMinutes: "0",
      bufferAfterMinutes: "0",
      minNoticeMinutes: "120",
      horizonDays: "60",
      cancelCutoff: "24",
      cancelCutoffUnit: "hours",
      newPatientsOnly: false,
      therapistIds: [],
      active: true,
    };
  }
  return {
    nameEn: service.nameEn,
    nameEs: service.nameEs,
    descriptionEn: service.descriptionEn,
    descriptionEs: service.descriptionEs,
    durationMinutes: String(service.durationMinutes),
    price: priceFormValue(service.priceCents),
    visitModes: service.visitModes,
    bufferBeforeMinutes: String(service.bufferBeforeMinutes),
    bufferAfterMinutes: String(service.bufferAfterMinutes),
    minNoticeMinutes: String(service.minNoticeMinutes),
    horizonDays: String(service.horizonDays),
    ...cutoffFormValue(service.cancelCutoffMinutes),
    newPatientsOnly: service.newPatientsOnly,
    therapistIds: service.therapistIds,
    active: service.active,
  };
}

/** Adding a service, or changing one; a change that leaves booked visits behind lists them first. */
export function ServiceForm({ service, therapists }: ServiceFormProps) {
  const router = useRouter();
  const [draft, setDraft] = useState(() => initialDraft(service));
  const [saved, setSaved] = useState<{ stranded: StrandedAppointment[] } | null>(null);
  const savedRef = useFocusOn<HTMLDivElement>(saved);
  const lastSent = useRef<Draft | null>(null);
  const change = useScheduleChange(
    (input: Draft & { confirmStranded?: string[] }) => (service ? changeServiceAction({ ...input, id: service.id }) : addServiceAction(input)),
    (stranded, id) => {
      if (!service) {
        router.push(`/staff/settings/services/${id}?added=1`);
        return;
      }
      setSaved({ stranded });
      router.refresh();
    },
  );
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const controlIds: Record<string, string> = { ...CONTROL_IDS, therapistIds: therapists[0] ? `service-therapist-${therapists[0].id}` : "service-name-en" };

  function save(event: React.FormEvent) {
    event.preventDefault();
    setSaved(null);
    const parsed = serviceFormSchema.safeParse(draft);
    if (!parsed.success) return change.showErrors(fieldMessages(parsed.error, { flat: true }));
    lastSent.current = draft;
    change.submit(draft);
  }

  if (change.question) {
    const durationChanged = service && change.question.stranded.some((s) => s.reason === "duration-changed");
    return (
      <div>
        <StrandedWarning
          question={change.question}
          therapistFirstName=""
          title={(visits) => `${visits} of ${service?.nameEn ?? "this service"} would be affected`}
          pending={change.pending}
          onConfirm={() => change.submit(lastSent.current ?? draft, change.question?.stranded.map((s) => s.id))}
          onBack={change.dismissQuestion}
        />
        {durationChanged ? (
          <p className="mt-3 text-sm text-slate-800">
            Visits already booked keep the length they were booked with ({durationLabel(service.durationMinutes)}); only new bookings take{" "}
            {durationLabel(Number(draft.durationMinutes))}.
          </p>
        ) : null}
      </div>
    );
  }

  const { fields } = change;
  return (
    <form onSubmit={save} noValidate className="mt-4 max-w-3xl space-y-6" aria-label={service ? `Change ${service.nameEn}` : "Add a service"}>
      <div ref={savedRef} tabIndex={-1} role="status" className="focus:outline-none">
        {saved ? (
          <div className="rounded-md border border-teal-300 bg-teal-50 p-3">
            <p className="font-semibold">Changes saved. Online booking uses them from now on.</p>
            {saved.stranded.length > 0 ? (
              <>
                <p className="mt-1 text-sm">The front desk should contact these patients: their visits were not changed.</p>
                <StrandedList stranded={saved.stranded} />
              </>
            ) : null}
          </div>
        ) : null}
      </div>
      <ErrorSummary title="Please check:" errors={summaryErrors(fields, change.message, controlIds)} focusKey={change.attempt} />

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">Name and description</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField id={CONTROL_IDS.nameEn} label="Name in English" value={draft.nameEn} onChange={(e) => set("nameEn", e.target.value)} error={fields.nameEn} autoComplete="off" />
          <TextField id={CONTROL_IDS.nameEs} label="Name in Spanish" lang="es" value={draft.nameEs} onChange={(e) => set("nameEs", e.target.value)} error={fields.nameEs} autoComplete="off" />
          <TextArea id={CONTROL_IDS.descriptionEn} label="Description in English (optional)" value={draft.descriptionEn} onChange={(v) => set("descriptionEn", v)} error={fields.descriptionEn} />
          <TextArea id={CONTROL_IDS.descriptionEs} label="Description in Spanish (optional)" lang="es" value={draft.descriptionEs} onChange={(v) => set("descriptionEs", v)} error={fields.descriptionEs} />
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">Length and price</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            id={CONTROL_IDS.durationMinutes}
            label="Length of the visit (minutes)"
            hint="A multiple of 5, from 5 to 480."
            inputMode="numeric"
            value={draft.durationMinutes}
            onChange={(e) => set("durationMinutes", e.target.value)}
            error={fields.durationMinutes}
          />
          <TextField
            id={CONTROL_IDS.price}
            label={`Price (${service?.currency ?? "USD"})`}
            hint="Dollars and cents, e.g. 85.00. Enter 0 for a free visit."
            inputMode="decimal"
            value={draft.price}
            onChange={(e) => set("price", e.target.value)}
            error={fields.price}
          />
        </div>
      </fieldset>

      <CheckboxGroup
        id="service-mode"
        legend="Kinds of visit"
        error={fields.visitModes}
        checked={draft.visitModes}
        onChange={(next) => set("visitModes", next)}
        choices={VISIT_MODES.map((mode) => ({ value: mode, label: VISIT_MODE_LABELS[mode], hint: MODE_HINTS[mode] }))}
      />

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">Booking rules</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField id={CONTROL_IDS.bufferBeforeMinutes} label="Buffer before (minutes)" hint="Kept free before each visit, 0 to 120." inputMode="numeric" value={draft.bufferBeforeMinutes} onChange={(e) => set("bufferBeforeMinutes", e.target.value)} error={fields.bufferBeforeMinutes} />
          <TextField id={CONTROL_IDS.bufferAfterMinutes} label="Buffer after (minutes)" hint="Kept free after each visit, 0 to 120." inputMode="numeric" value={draft.bufferAfterMinutes} onChange={(e) => set("bufferAfterMinutes", e.target.value)} error={fields.bufferAfterMinutes} />
          <TextField id={CONTROL_IDS.minNoticeMinutes} label="Minimum notice (minutes)" hint="How long ahead a patient must book online." inputMode="numeric" value={draft.minNoticeMinutes} onChange={(e) => set("minNoticeMinutes", e.target.value)} error={fields.minNoticeMinutes} />
          <TextField id={CONTROL_IDS.horizonDays} label="Booking horizon (days)" hint="How far ahead patients can book, 1 to 365." inputMode="numeric" value={draft.horizonDays} onChange={(e) => set("horizonDays", e.target.value)} error={fields.horizonDays} />
          <TextField id={CONTROL_IDS.cancelCutoff} label="Cancellation cut-off" hint="Patients change or cancel online until this long before the visit." inputMode="numeric" value={draft.cancelCutoff} onChange={(e) => set("cancelCutoff", e.target.value)} error={fields.cancelCutoff} />
          <SelectField
            id={CONTROL_IDS.cancelCutoffUnit}
            label="Cut-off in"
            value={draft.cancelCutoffUnit}
            onChange={(e) => set("cancelCutoffUnit", e.target.value as CutoffUnit)}
            error={fields.cancelCutoffUnit}
            options={[
              { value: "hours", label: "Hours" },
              { value: "minutes", label: "Minutes" },
            ]}
          />
        </div>
        <Checkbox id={CONTROL_IDS.newPatientsOnly} label="New patients only" hint="Online, patients already seen at the practice are asked to choose another service." checked={draft.newPatientsOnly} onChange={(v) => set("newPatientsOnly", v)} error={fields.newPatientsOnly} />
      </fieldset>

      {therapists.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-3 text-sm">No active therapists yet. Add a therapist, then give them this service.</p>
      ) : (
        <CheckboxGroup
          id="service-therapist"
          legend="Therapists who offer it"
          error={fields.therapistIds}
          checked={draft.therapistIds}
          onChange={(next) => set("therapistIds", next)}
          choices={therapists.map((t) => ({ value: t.id, label: t.name, hint: t.credentials || undefined }))}
        />
      )}

      {service ? (
        <Checkbox
          id={CONTROL_IDS.active}
          label="Offered to patients"
          hint="Untick to stop offering it: it leaves online booking and the desk's list, and the visits already booked stay as they are."
          checked={draft.active}
          onChange={(v) => set("active", v)}
          error={fields.active}
        />
      ) : null}

      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={change.pending} className={buttonClass("primary")}>
          {change.pending ? "Saving…" : service ? "Save changes" : "Add service"}
        </button>
        <Link href="/staff/settings/services" className={buttonClass("secondary")}>
          Back to services
        </Link>
      </div>
    </form>
  );
}

function TextArea({ id, label, value, onChange, error, lang }: { id: string; label: string; value: string; onChange: (value: string) => void; error?: string; lang?: string }) {
  return (
    <FieldFrame id={id} label={label} error={error}>
      <textarea
        id={id}
        lang={lang}
        rows={3}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, undefined, error)}
        className="mt-1.5 block w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 aria-invalid:border-2 aria-invalid:border-red-700"
      />
    </FieldFrame>
  );
}

function Checkbox({ id, label, hint, checked, onChange, error }: { id: string; label: string; hint: string; checked: boolean; onChange: (value: boolean) => void; error?: string }) {
  const hintId = useId();
  return (
    <div className="flex gap-3 rounded-lg border border-slate-300 p-3">
      <input
        type="checkbox"
        id={id}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={[hintId, error ? `${id}-error` : ""].filter(Boolean).join(" ")}
        className="mt-1 size-5 shrink-0"
      />
      <div>
        <label htmlFor={id} className="font-semibold">
          {label}
        </label>
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
        {error ? (
          <p id={`${id}-error`} className="text-sm font-semibold text-red-700">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
