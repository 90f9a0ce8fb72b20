"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { buttonClass } from "@/components/form/button";
import { CheckboxGroup } from "@/components/form/checkbox-group";
import { ErrorSummary, summaryErrors } from "@/components/form/error-summary";
import { describedBy, FieldFrame } from "@/components/form/field-frame";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { useFocusOn } from "@/components/form/use-focus-on";
import { fieldMessages } from "@/lib/errors/field-messages";
import { VISIT_MODES } from "@/lib/schedules/labels";
import type { StrandedAppointment } from "@/lib/schedules/types";
import type { ServiceDetail, TherapistOption } from "@/lib/services/data";
import { PAYMENT_RULES, type PaymentRule } from "@/lib/payments/rules";
import {
  cutoffFormValue,
  depositFormValue,
  priceFormValue,
  serviceFormSchema,
  type CutoffUnit,
  type DepositKind,
  type ServiceForm as ServiceFormInput,
} from "@/lib/services/schema";
import { StrandedList } from "../../schedules/stranded-list";
import { StrandedWarning } from "../../schedules/stranded-warning";
import { useScheduleChange } from "../../schedules/use-schedule-change";
import { addServiceAction, changeServiceAction } from "./actions";
import { durationParts } from "./service-labels";

interface ServiceFormProps {
  /** The service being changed; absent when adding one. */
  service?: ServiceDetail;
  therapists: TherapistOption[];
  /** Whether this server takes payments online; when not, patients are told to pay at the clinic. */
  onlinePaymentOn: boolean;
}

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
  paymentRule: "service-payment-rule",
  depositKind: "service-deposit-kind",
  deposit: "service-deposit",
  active: "service-active",
} as const;

type Draft = Required<Pick<ServiceFormInput, "paymentRule" | "depositKind" | "deposit">> & ServiceFormInput & { active: boolean };

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
      paymentRule: "NONE",
      depositKind: "amount",
      deposit: "",
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
    paymentRule: service.paymentRule,
    ...depositFormValue(service),
    active: service.active,
  };
}

/** Adding a service, or changing one; a change that leaves booked visits behind lists them first. */
export function ServiceForm({ service, therapists, onlinePaymentOn }: ServiceFormProps) {
  const router = useRouter();
  const t = useTranslations("staffSettings");
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
          title={(visits) => t("services.strandedTitle", { visits, name: service?.nameEn ?? t("services.thisService") })}
          pending={change.pending}
          onConfirm={() => change.submit(lastSent.current ?? draft, change.question?.stranded.map((s) => s.id))}
          onBack={change.dismissQuestion}
        />
        {durationChanged ? (
          <p className="mt-3 text-sm text-slate-800">
            {t("services.durationChanged", {
              before: t("services.duration", durationParts(service.durationMinutes)),
              after: t("services.duration", durationParts(Number(draft.durationMinutes))),
            })}
          </p>
        ) : null}
      </div>
    );
  }

  const { fields } = change;
  return (
    <form onSubmit={save} noValidate className="mt-4 max-w-3xl space-y-6" aria-label={service ? t("services.formChange", { name: service.nameEn }) : t("services.add")}>
      <div ref={savedRef} tabIndex={-1} role="status" className="focus:outline-none">
        {saved ? (
          <div className="rounded-md border border-teal-300 bg-teal-50 p-3">
            <p className="font-semibold">{t("services.savedNotice")}</p>
            {saved.stranded.length > 0 ? (
              <>
                <p className="mt-1 text-sm">{t("services.savedStranded")}</p>
                <StrandedList stranded={saved.stranded} />
              </>
            ) : null}
          </div>
        ) : null}
      </div>
      <ErrorSummary title={t("pleaseCheck")} errors={summaryErrors(fields, change.message, controlIds)} focusKey={change.attempt} />

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">{t("services.nameAndDescription")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField id={CONTROL_IDS.nameEn} label={t("services.nameEn")} value={draft.nameEn} onChange={(e) => set("nameEn", e.target.value)} error={fields.nameEn} autoComplete="off" />
          <TextField id={CONTROL_IDS.nameEs} label={t("services.nameEs")} lang="es" value={draft.nameEs} onChange={(e) => set("nameEs", e.target.value)} error={fields.nameEs} autoComplete="off" />
          <TextArea id={CONTROL_IDS.descriptionEn} label={t("services.descriptionEn")} value={draft.descriptionEn} onChange={(v) => set("descriptionEn", v)} error={fields.descriptionEn} />
          <TextArea id={CONTROL_IDS.descriptionEs} label={t("services.descriptionEs")} lang="es" value={draft.descriptionEs} onChange={(v) => set("descriptionEs", v)} error={fields.descriptionEs} />
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">{t("services.lengthAndPrice")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            id={CONTROL_IDS.durationMinutes}
            label={t("services.durationLabel")}
            hint={t("services.durationHint")}
            inputMode="numeric"
            value={draft.durationMinutes}
            onChange={(e) => set("durationMinutes", e.target.value)}
            error={fields.durationMinutes}
          />
          <TextField
            id={CONTROL_IDS.price}
            label={t("services.priceLabel", { currency: service?.currency ?? "USD" })}
            hint={t("services.priceHint")}
            inputMode="decimal"
            value={draft.price}
            onChange={(e) => set("price", e.target.value)}
            error={fields.price}
          />
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">{t("services.paymentHeading")}</legend>
        <p className="text-sm text-slate-700">{t("services.paymentText")}</p>
        {onlinePaymentOn ? null : <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-slate-900">{t("services.paymentOff")}</p>}
        <SelectField
          id={CONTROL_IDS.paymentRule}
          label={t("services.paymentRule")}
          hint={t("services.paymentRuleHint")}
          value={draft.paymentRule}
          onChange={(e) => set("paymentRule", e.target.value as PaymentRule)}
          error={fields.paymentRule}
          options={PAYMENT_RULES.map((rule) => ({ value: rule, label: t("services.ruleOption", { rule }) }))}
        />
        {draft.paymentRule === "DEPOSIT" ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              id={CONTROL_IDS.depositKind}
              label={t("services.depositKind")}
              value={draft.depositKind}
              onChange={(e) => set("depositKind", e.target.value as DepositKind)}
              error={fields.depositKind}
              options={[
                { value: "amount", label: t("services.depositAmount") },
                { value: "percent", label: t("services.depositPercent") },
              ]}
            />
            <TextField
              id={CONTROL_IDS.deposit}
              label={t("services.depositLabel")}
              hint={t("services.depositHint")}
              inputMode="decimal"
              value={draft.deposit}
              onChange={(e) => set("deposit", e.target.value)}
              error={fields.deposit}
            />
          </div>
        ) : null}
      </fieldset>

      <CheckboxGroup
        id="service-mode"
        legend={t("services.kinds")}
        error={fields.visitModes}
        checked={draft.visitModes}
        onChange={(next) => set("visitModes", next)}
        choices={VISIT_MODES.map((mode) => ({ value: mode, label: t("visitMode", { mode }), hint: t("services.modeHint", { mode }) }))}
      />

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">{t("services.rules")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField id={CONTROL_IDS.bufferBeforeMinutes} label={t("services.bufferBefore")} hint={t("services.bufferBeforeHint")} inputMode="numeric" value={draft.bufferBeforeMinutes} onChange={(e) => set("bufferBeforeMinutes", e.target.value)} error={fields.bufferBeforeMinutes} />
          <TextField id={CONTROL_IDS.bufferAfterMinutes} label={t("services.bufferAfter")} hint={t("services.bufferAfterHint")} inputMode="numeric" value={draft.bufferAfterMinutes} onChange={(e) => set("bufferAfterMinutes", e.target.value)} error={fields.bufferAfterMinutes} />
          <TextField id={CONTROL_IDS.minNoticeMinutes} label={t("services.minNotice")} hint={t("services.minNoticeHint")} inputMode="numeric" value={draft.minNoticeMinutes} onChange={(e) => set("minNoticeMinutes", e.target.value)} error={fields.minNoticeMinutes} />
          <TextField id={CONTROL_IDS.horizonDays} label={t("services.horizon")} hint={t("services.horizonHint")} inputMode="numeric" value={draft.horizonDays} onChange={(e) => set("horizonDays", e.target.value)} error={fields.horizonDays} />
          <TextField id={CONTROL_IDS.cancelCutoff} label={t("services.cutoff")} hint={t("services.cutoffHint")} inputMode="numeric" value={draft.cancelCutoff} onChange={(e) => set("cancelCutoff", e.target.value)} error={fields.cancelCutoff} />
          <SelectField
            id={CONTROL_IDS.cancelCutoffUnit}
            label={t("services.cutoffUnit")}
            value={draft.cancelCutoffUnit}
            onChange={(e) => set("cancelCutoffUnit", e.target.value as CutoffUnit)}
            error={fields.cancelCutoffUnit}
            options={[
              { value: "hours", label: t("services.hours") },
              { value: "minutes", label: t("services.minutes") },
            ]}
          />
        </div>
        <Checkbox id={CONTROL_IDS.newPatientsOnly} label={t("services.newPatientsOnly")} hint={t("services.newPatientsOnlyHint")} checked={draft.newPatientsOnly} onChange={(v) => set("newPatientsOnly", v)} error={fields.newPatientsOnly} />
      </fieldset>

      {therapists.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-3 text-sm">{t("services.noActiveTherapists")}</p>
      ) : (
        <CheckboxGroup
          id="service-therapist"
          legend={t("services.offeredBy")}
          error={fields.therapistIds}
          checked={draft.therapistIds}
          onChange={(next) => set("therapistIds", next)}
          choices={therapists.map((t) => ({ value: t.id, label: t.name, hint: t.credentials || undefined }))}
        />
      )}

      {service ? (
        <Checkbox
          id={CONTROL_IDS.active}
          label={t("services.active")}
          hint={t("services.activeHint")}
          checked={draft.active}
          onChange={(v) => set("active", v)}
          error={fields.active}
        />
      ) : null}

      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={change.pending} className={buttonClass("primary")}>
          {change.pending ? t("saving") : service ? t("saveChanges") : t("services.addSubmit")}
        </button>
        <Link href="/staff/settings/services" className={buttonClass("secondary")}>
          {t("services.back")}
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
