"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { LocationDto, ServiceDto, SlotDto, VisitModeDto } from "@/lib/booking/api-types";
import type { CreateBookingInput } from "@/lib/booking/schema";
import { ApiError, createBooking, needsPayment, releaseHeldTime } from "@/components/booking/api-client";
import { ConflictAlternatives } from "@/components/booking/conflict-alternatives";
import { slotConflict } from "@/components/booking/slot-conflict";
import { ErrorSummary, type SummaryError } from "@/components/form/error-summary";
import { TextField } from "@/components/form/text-field";
import { languageNames, languages, type Language } from "@/lib/i18n/languages";
import { AppointmentSummary } from "./appointment-summary";
import { clearStoredDraft } from "./booking-draft-storage";
import { PackageCoverNote, usePackageCover } from "./package-cover";
import { clearPendingPayment, readPendingPayment, storePendingPayment } from "./pending-payment-storage";
import type { BookingDraft, PatientDraft } from "./booking-draft";
import { detailFields, detailInputIds, serverFieldErrors, validateDetails, type DetailErrors, type DetailWords } from "./patient-errors";
import { StepFrame } from "./step-frame";

interface DetailsStepProps {
  language: Language;
  draft: BookingDraft;
  update: (changes: Partial<BookingDraft>) => void;
  service: ServiceDto;
  mode: VisitModeDto;
  /** The chosen location; for a video visit, that of the chosen time. */
  location: LocationDto;
  slot: SlotDto;
  reason: string | undefined;
  reasonSlug: string | undefined;
  therapistName: (therapistId: string) => string | null;
  /** One key per wizard session, so a re-submitted form books at most once. */
  idempotencyKey: () => string;
  focusHeading: boolean;
  onBack: () => void;
  onPickAnotherTime: () => void;
}

interface Conflict {
  message: string;
  alternatives: SlotDto[];
}

function FailureAlert({ message }: { message: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  // The submit button was disabled while sending; bring focus to the explanation.
  useEffect(() => {
    ref.current?.focus();
  }, [message]);
  return (
    <p ref={ref} role="alert" tabIndex={-1} className="rounded-xl border-2 border-red-700 bg-white p-4 font-semibold text-red-800">
      {message}
    </p>
  );
}

/**
 * A patient back from the checkout without paying (the browser's back
 * button) still holds a time from this tab: it is let go first, so that
 * their own hold does not stand in the way of the time they now choose.
 */
async function bookLettingGoOfEarlierHold(input: CreateBookingInput) {
  const earlier = readPendingPayment();
  if (earlier) {
    await releaseHeldTime(earlier.manageToken).catch(() => undefined);
    clearPendingPayment();
  }
  return createBooking(input);
}

export function DetailsStep(props: DetailsStepProps) {
  const { language, draft, update, mode, slot } = props;
  const words = useTranslations("book");
  const t = useTranslations("book.details");
  const detailWords: DetailWords = {
    fieldError: (field) => t(`fieldErrors.${field}`),
    consentError: t("consentError"),
    generic: words("failure.generic"),
  };
  const router = useRouter();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<DetailErrors>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [summaryFocus, setSummaryFocus] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const mutation = useMutation({ mutationFn: bookLettingGoOfEarlierHold });
  const sending = mutation.isPending || mutation.isSuccess;
  const { reset } = mutation;
  // Back from the checkout page through the browser's cache: the form is live again, not still "sending".
  useEffect(() => {
    const shown = (event: PageTransitionEvent) => {
      if (event.persisted) reset();
    };
    window.addEventListener("pageshow", shown);
    return () => window.removeEventListener("pageshow", shown);
  }, [reset]);
  // A service paid, or secured with a card, online: submitting holds the time and opens the checkout.
  // A visit the patient's package covers is booked at once, whatever the service asks online.
  const cover = usePackageCover(props.service.id);
  const covered = cover.code !== null && cover.state === "covered";
  const paying = !covered && ["full", "deposit", "card"].includes(props.service.payment.online.kind);

  const showFieldErrors = (fieldErrors: DetailErrors, other: string[]) => {
    setErrors(fieldErrors);
    setOtherErrors(other);
    setSummaryFocus((count) => count + 1);
  };

  const explain = (error: unknown) => {
    if (!(error instanceof ApiError)) return setFailure(words("failure.generic"));
    const conflictFound = slotConflict(error);
    if (conflictFound) {
      // The taken time must not be offered again when the patient goes back to the week view.
      void queryClient.invalidateQueries({ queryKey: ["availability"] });
      return setConflict({ message: words(`conflict.${conflictFound.code}`), alternatives: conflictFound.alternatives });
    }
    const code = error.body?.error.code;
    // Checked before the field errors: OUTSIDE_AREA also names a field (postalCode) that is not on this step.
    if (code === "OUTSIDE_AREA") return setFailure(words("failure.outsideArea"));
    if (code === "FORM_ALREADY_USED") return setFailure(words("failure.formUsed"));
    if (code === "PACKAGE_USED_UP" || error.body?.error.fields?.packageCode) {
      cover.refresh();
      return setFailure(words(code === "PACKAGE_USED_UP" ? "package.usedUp" : "package.refused"));
    }
    const fields = error.body?.error.fields;
    if (error.status === 422 && fields && Object.keys(fields).length > 0) {
      const server = serverFieldErrors(fields, language, detailWords);
      return showFieldErrors(server.errors, server.other);
    }
    if (error.status === 429) return setFailure(words("failure.rateLimited"));
    if (code === "PAYMENT_UNAVAILABLE") return setFailure(words("failure.paymentUnavailable"));
    if (error.status === 0) return setFailure(words("failure.network"));
    setFailure(words("failure.generic"));
  };

  const book = (chosen: SlotDto) => {
    setFailure(null);
    const validation = validateDetails(draft, mode, language, detailWords);
    if (!validation.ok) return showFieldErrors(validation.errors, []);
    setErrors({});
    setOtherErrors([]);
    mutation.mutate(
      {
        service: props.service.id,
        start: chosen.start,
        mode,
        locationId: chosen.locationId,
        therapistId: chosen.therapistId,
        patient: validation.patient,
        reason: props.reason,
        reasonSlug: props.reasonSlug,
        language: draft.patient.language,
        idempotencyKey: props.idempotencyKey(),
        ...(covered ? { packageCode: cover.code } : {}),
      },
      {
        onSuccess: (created) => {
          setConflict(null);
          if (needsPayment(created)) {
            // The draft stays in the tab: a patient who cancels the payment comes back to choose a time again.
            storePendingPayment({ manageToken: created.manageToken, holdExpiresAt: created.holdExpiresAt });
            window.location.assign(created.checkoutUrl);
            return;
          }
          clearStoredDraft();
          router.push(`/${language}/manage/${encodeURIComponent(created.manageToken)}?booked=1`);
        },
        onError: explain,
      },
    );
  };

  const setPatient = (changes: Partial<PatientDraft>) => update({ patient: { ...draft.patient, ...changes } });
  const field = (name: (typeof detailFields)[number]) => ({ id: detailInputIds[name], error: errors[name] });

  const summary: SummaryError[] = [
    ...detailFields.flatMap((name) => {
      const message = errors[name];
      return message ? [{ fieldId: detailInputIds[name], message }] : [];
    }),
    ...otherErrors.map((message) => ({ message })),
  ];

  return (
    <StepFrame step={5}
      title={t("title")}
      focusHeading={props.focusHeading}
      onSubmit={() => book(slot)}
      onBack={props.onBack}
      submitLabel={paying ? (sending ? t("submittingToPayment") : t("submitToPayment")) : sending ? t("submitting") : t("submit")}
      submitting={sending}
      hideSubmit={conflict !== null}
      top={
        <>
          <ErrorSummary title={t("errorSummaryTitle")} errors={summary} focusKey={summaryFocus} />
          {failure ? <FailureAlert message={failure} /> : null}
          {conflict ? (
            <ConflictAlternatives
              language={language}
              message={conflict.message}
              alternatives={conflict.alternatives}
              timeZone={props.location.timeZone}
              therapistName={props.therapistName}
              confirmLabel={words("conflict.bookAlternative")}
              confirming={sending}
              onConfirm={(alternative) => {
                update({ slot: alternative });
                book(alternative);
              }}
              onPickAnother={props.onPickAnotherTime}
              pickAnotherLabel={words("conflict.pickAnotherTime")}
              showPatientTime={mode === "VIDEO"}
            />
          ) : (
            <AppointmentSummary
              language={language}
              service={props.service}
              mode={mode}
              location={props.location}
              slot={slot}
              therapistName={props.therapistName(slot.therapistId)}
              postalCode={draft.postalCode}
            />
          )}
          <PackageCoverNote cover={cover} />
        </>
      }
    >
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="sr-only">{t("nameLegend")}</legend>
        <TextField
          {...field("firstName")}
          label={t("firstName")}
          autoComplete="given-name"
          maxLength={100}
          value={draft.patient.firstName}
          onChange={(event) => setPatient({ firstName: event.target.value })}
        />
        <TextField
          {...field("lastName")}
          label={t("lastName")}
          autoComplete="family-name"
          maxLength={100}
          value={draft.patient.lastName}
          onChange={(event) => setPatient({ lastName: event.target.value })}
        />
      </fieldset>
      <TextField
        {...field("email")}
        label={t("email")}
        hint={t("emailHint")}
        type="email"
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        maxLength={254}
        value={draft.patient.email}
        onChange={(event) => setPatient({ email: event.target.value })}
      />
      <TextField
        {...field("phone")}
        label={t("phone")}
        hint={t("phoneHint")}
        type="tel"
        autoComplete="tel"
        maxLength={20}
        value={draft.patient.phone}
        onChange={(event) => setPatient({ phone: event.target.value })}
      />
      <TextField
        {...field("dateOfBirth")}
        label={t("dateOfBirth")}
        type="date"
        autoComplete="bday"
        min="1900-01-01"
        value={draft.patient.dateOfBirth}
        onChange={(event) => setPatient({ dateOfBirth: event.target.value })}
        className="max-w-xs"
      />

      {mode === "HOME" ? (
        <fieldset className="space-y-4">
          <legend className="mb-1 text-lg font-semibold text-slate-900">{t("addressLegend")}</legend>
          <TextField
            {...field("address.line1")}
            label={t("line1")}
            autoComplete="address-line1"
            maxLength={200}
            value={draft.patient.line1}
            onChange={(event) => setPatient({ line1: event.target.value })}
          />
          <TextField
            {...field("address.line2")}
            label={t("line2")}
            autoComplete="address-line2"
            maxLength={200}
            value={draft.patient.line2}
            onChange={(event) => setPatient({ line2: event.target.value })}
          />
          <TextField
            {...field("address.city")}
            label={t("city")}
            autoComplete="address-level2"
            maxLength={100}
            value={draft.patient.city}
            onChange={(event) => setPatient({ city: event.target.value })}
          />
          <TextField
            {...field("address.postalCode")}
            label={t("postalCode")}
            hint={t("postalCodeHint")}
            autoComplete="postal-code"
            readOnly
            value={draft.postalCode.trim()}
            className="max-w-xs"
          />
        </fieldset>
      ) : null}

      <div>
        <label htmlFor="language" className="block font-medium text-slate-900">
          {t("language")}
        </label>
        <select
          id="language"
          autoComplete="language"
          value={draft.patient.language}
          onChange={(event) => setPatient({ language: event.target.value === "es" ? "es" : "en" })}
          className="mt-1.5 block min-h-11 w-full max-w-xs rounded-lg border border-slate-400 bg-white px-3 py-2 text-base text-slate-900"
        >
          {languages.map((code) => (
            <option key={code} value={code} lang={code}>
              {languageNames[code]}
            </option>
          ))}
        </select>
      </div>

      <div className="rounded-xl border border-slate-300 p-4">
        {errors.consent ? (
          <p id="consent-error" className="mb-2 text-sm font-semibold text-red-700">
            {errors.consent}
          </p>
        ) : null}
        <div className="flex gap-3">
          <input
            id="consent"
            type="checkbox"
            checked={draft.consent}
            onChange={(event) => update({ consent: event.target.checked })}
            aria-invalid={errors.consent ? true : undefined}
            aria-describedby={errors.consent ? "consent-hint consent-error" : "consent-hint"}
            className="mt-1 size-5 shrink-0"
          />
          <div>
            <label htmlFor="consent" className="font-medium text-slate-900">
              {t("consent")}
            </label>
            <p id="consent-hint" className="mt-1 text-sm text-slate-600">
              {t("consentHint")}
            </p>
            <p className="mt-1 text-sm">
              <a href={`/${language}/privacy`} target="_blank" rel="noopener" className="font-medium text-brand-800 underline underline-offset-2">
                {words("readPrivacy")}
              </a>
            </p>
          </div>
        </div>
      </div>

      <p aria-live="polite" className="sr-only">
        {sending ? (paying ? t("submittingToPayment") : t("submitting")) : ""}
      </p>
    </StepFrame>
  );
}
