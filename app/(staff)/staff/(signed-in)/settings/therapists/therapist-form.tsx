"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { buttonClass } from "@/components/form/button";
import { CheckboxGroup } from "@/components/form/checkbox-group";
import { ErrorSummary, summaryErrors } from "@/components/form/error-summary";
import { describedBy, FieldFrame } from "@/components/form/field-frame";
import { TextField } from "@/components/form/text-field";
import { useFocusOn } from "@/components/form/use-focus-on";
import type { ActionResult } from "@/lib/actions/action-result";
import { MAX_IMAGE_BYTES } from "@/lib/images/image-file";
import { VISIT_MODES } from "@/lib/schedules/labels";
import type { StrandedAppointment, VisitMode } from "@/lib/schedules/types";
import { THERAPIST_LANGUAGE_CODES, THERAPIST_LANGUAGES } from "@/lib/therapists/languages";
import type { CreatedTherapist } from "@/lib/therapists/mutations";
import { TemporaryPassword } from "../../admin/staff/temporary-password";
import { StrandedList } from "../../schedules/stranded-list";
import { StrandedWarning } from "../../schedules/stranded-warning";
import { useScheduleChange } from "../../schedules/use-schedule-change";
import { createTherapistAction, updateTherapistAction } from "./actions";

export interface TherapistDraft {
  id?: string;
  firstName: string;
  lastName: string;
  credentials: string;
  bioEn: string;
  bioEs: string;
  languages: string[];
  visitModes: VisitMode[];
  locationIds: string[];
  serviceIds: string[];
  active: boolean;
  /** The current photo's address and the words read in its place. */
  photo: { url: string; alt: string } | null;
}

interface Choice {
  id: string;
  name: string;
  active: boolean;
}

interface TherapistFormProps {
  therapist: TherapistDraft;
  locations: Choice[];
  services: Choice[];
}

const CONTROL_IDS: Record<string, string> = {
  firstName: "therapist-first-name",
  lastName: "therapist-last-name",
  credentials: "therapist-credentials",
  bioEn: "therapist-bio-en",
  bioEs: "therapist-bio-es",
  photo: "therapist-photo",
  loginEmail: "therapist-login-email",
};

const LANGUAGE_CHOICES = THERAPIST_LANGUAGE_CODES.map((code) => ({ value: code as string, label: THERAPIST_LANGUAGES[code] }));

type Say = ReturnType<typeof useTranslations<"staffSettings">>;

/** Where the error summary sends each checkbox group: its first box. */
function controlIds(locations: Choice[], services: Choice[]): Record<string, string> {
  return {
    ...CONTROL_IDS,
    languages: `therapist-languages-${LANGUAGE_CHOICES[0]!.value}`,
    visitModes: `therapist-modes-${VISIT_MODES[0]}`,
    locationIds: locations[0] ? `therapist-locations-${locations[0].id}` : CONTROL_IDS.firstName!,
    serviceIds: services[0] ? `therapist-services-${services[0].id}` : CONTROL_IDS.firstName!,
  };
}

/** A picture over the upload cap is refused here too, before the browser sends half a megabyte to be told so. */
function photoTooLarge(form: HTMLFormElement, t: Say): string | null {
  const file = new FormData(form).get("photo");
  if (file instanceof File && file.size > MAX_IMAGE_BYTES) {
    return t("pictureTooLarge", { size: Math.ceil(file.size / 1024), max: MAX_IMAGE_BYTES / 1024 });
  }
  return null;
}

function TherapistFields({ therapist, locations, services, fields, lists, setLists, withLogin }: TherapistFormProps & {
  fields: Record<string, string>;
  lists: Pick<TherapistDraft, "languages" | "visitModes" | "locationIds" | "serviceIds">;
  setLists: (next: Partial<TherapistDraft>) => void;
  withLogin: boolean;
}) {
  const t = useTranslations("staffSettings");
  const choicesOf = (items: Choice[]) => items.map((item) => ({ value: item.id, label: item.active ? item.name : t("therapists.inactiveChoice", { name: item.name }) }));
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id={CONTROL_IDS.firstName!} name="firstName" label={t("therapists.firstName")} autoComplete="off" required defaultValue={therapist.firstName} error={fields.firstName} />
        <TextField id={CONTROL_IDS.lastName!} name="lastName" label={t("therapists.lastName")} autoComplete="off" required defaultValue={therapist.lastName} error={fields.lastName} />
        <TextField
          id={CONTROL_IDS.credentials!}
          name="credentials"
          label={t("therapists.credentials")}
          hint={t("therapists.credentialsHint")}
          autoComplete="off"
          defaultValue={therapist.credentials}
          error={fields.credentials}
        />
      </div>
      <BioField id={CONTROL_IDS.bioEn!} name="bioEn" label={t("therapists.bioEn")} lang="en" defaultValue={therapist.bioEn} error={fields.bioEn} />
      <BioField id={CONTROL_IDS.bioEs!} name="bioEs" label={t("therapists.bioEs")} lang="es" defaultValue={therapist.bioEs} error={fields.bioEs} />
      <PhotoField current={therapist.photo} error={fields.photo} />
      <CheckboxGroup
        id="therapist-languages"
        legend={t("therapists.languages")}
        choices={LANGUAGE_CHOICES}
        checked={lists.languages}
        onChange={(languages) => setLists({ languages })}
        error={fields.languages}
      />
      <CheckboxGroup id="therapist-modes" legend={t("therapists.kinds")} choices={VISIT_MODES.map((mode) => ({ value: mode, label: t("visitMode", { mode }) }))} checked={lists.visitModes} onChange={(visitModes) => setLists({ visitModes })} error={fields.visitModes} />
      <CheckboxGroup
        id="therapist-locations"
        legend={t("therapists.locations")}
        choices={choicesOf(locations)}
        checked={lists.locationIds}
        onChange={(locationIds) => setLists({ locationIds })}
        error={fields.locationIds ?? (locations.length === 0 ? t("therapists.noLocations") : undefined)}
      />
      <CheckboxGroup
        id="therapist-services"
        legend={t("therapists.services")}
        choices={choicesOf(services)}
        checked={lists.serviceIds}
        onChange={(serviceIds) => setLists({ serviceIds })}
        error={fields.serviceIds}
      />
      {withLogin ? (
        <TextField
          id={CONTROL_IDS.loginEmail!}
          name="loginEmail"
          type="email"
          label={t("therapists.loginEmailOptional")}
          hint={t("therapists.loginEmailOptionalHint")}
          autoComplete="off"
          error={fields.loginEmail}
        />
      ) : null}
    </>
  );
}

function BioField({ id, name, label, lang, defaultValue, error }: { id: string; name: string; label: string; lang: string; defaultValue: string; error?: string }) {
  const t = useTranslations("staffSettings.therapists");
  return (
    <FieldFrame id={id} label={label} hint={t("bioHint")} error={error}>
      <textarea
        id={id}
        name={name}
        lang={lang}
        rows={4}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, "hint", error)}
        className="mt-1.5 block w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 aria-invalid:border-2 aria-invalid:border-red-700"
      />
    </FieldFrame>
  );
}

function PhotoField({ current, error }: { current: TherapistDraft["photo"]; error?: string }) {
  const id = CONTROL_IDS.photo!;
  const t = useTranslations("staffSettings.therapists");
  return (
    <div className="space-y-2">
      {current ? (
        <div className="flex items-center gap-4">
          {/* eslint-disable-next-line @next/next/no-img-element -- served by Stride's own image route, already sized by the upload cap */}
          <img src={current.url} alt={current.alt} width={96} height={96} className="size-24 rounded-full object-cover" />
          <label className="flex items-center gap-2">
            <input type="checkbox" name="removePhoto" className="size-5" />
            {t("removePhoto")}
          </label>
        </div>
      ) : null}
      <FieldFrame id={id} label={current ? t("replacePhoto") : t("photo")} hint={t("photoHint", { max: MAX_IMAGE_BYTES / 1024 })} error={error}>
        <input
          id={id}
          name="photo"
          type="file"
          accept="image/png,image/jpeg,image/webp"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, "hint", error)}
          className="mt-1.5 block w-full text-base"
        />
      </FieldFrame>
    </div>
  );
}

/** The add form: on success it shows the new therapist and, if a login was made, its temporary password once. */
export function AddTherapistForm({ therapist, locations, services }: TherapistFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [lists, setListsState] = useState(() => ({ languages: therapist.languages, visitModes: therapist.visitModes, locationIds: therapist.locationIds, serviceIds: therapist.serviceIds }));
  const [failure, setFailure] = useState<{ fields: Record<string, string>; message: string | null; attempt: number }>({ fields: {}, message: null, attempt: 0 });
  const [created, setCreated] = useState<CreatedTherapist | null>(null);
  const [pending, startTransition] = useTransition();
  const createdRef = useFocusOn<HTMLDivElement>(created);
  const t = useTranslations("staffSettings");

  const refuse = (fields: Record<string, string>, message: string | null) => setFailure((f) => ({ fields, message, attempt: f.attempt + 1 }));

  function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const tooLarge = photoTooLarge(form, t);
    if (tooLarge) return refuse({ photo: tooLarge }, null);
    const data = formWithLists(form, lists);
    startTransition(async () => {
      let result: ActionResult<CreatedTherapist>;
      try {
        result = await createTherapistAction({ form: data });
      } catch {
        return refuse({}, t("therapists.notSaved"));
      }
      if (!result.ok) return refuse(result.fields, Object.keys(result.fields).length === 0 ? result.message : null);
      setFailure((f) => ({ ...f, fields: {}, message: null }));
      setCreated(result.data);
    });
  }

  if (created) {
    return (
      <div ref={createdRef} tabIndex={-1} role="status" className="space-y-3 focus:outline-none">
        <p>
          {t.rich("therapists.added", {
            name: created.name,
            settings: (chunks) => (
              <Link href={`/staff/settings/therapists/${created.id}`} className="font-semibold text-teal-800 underline">
                {chunks}
              </Link>
            ),
            hours: (chunks) => (
              <Link href={`/staff/schedules?therapist=${created.id}`} className="font-semibold text-teal-800 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
        {created.login ? (
          <>
            <p>{t("therapists.loginMade", { email: created.login.email })}</p>
            <TemporaryPassword password={created.login.temporaryPassword} forWhom={created.name} />
          </>
        ) : null}
      </div>
    );
  }

  return (
    <form ref={formRef} onSubmit={save} noValidate encType="multipart/form-data" className="space-y-5">
      <ErrorSummary title={t("pleaseCheck")} errors={summaryErrors(failure.fields, failure.message, controlIds(locations, services))} focusKey={failure.attempt} />
      <TherapistFields
        therapist={therapist}
        locations={locations}
        services={services}
        fields={failure.fields}
        lists={lists}
        setLists={(next) => setListsState((l) => ({ ...l, ...next }))}
        withLogin
      />
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? t("adding") : t("therapists.addSubmit")}
      </button>
    </form>
  );
}

/**
 * The therapist's own page: saving a change that leaves booked visits
 * without what they rely on lists them and waits for "Save anyway".
 */
export function EditTherapistForm({ therapist, locations, services }: TherapistFormProps) {
  const [lists, setListsState] = useState(() => ({ languages: therapist.languages, visitModes: therapist.visitModes, locationIds: therapist.locationIds, serviceIds: therapist.serviceIds }));
  const [sent, setSent] = useState<FormData | null>(null);
  const [saved, setSaved] = useState<{ stranded: StrandedAppointment[] } | null>(null);
  const savedRef = useFocusOn<HTMLDivElement>(saved);
  const t = useTranslations("staffSettings");
  const change = useScheduleChange(
    (input: { form: FormData; confirmStranded?: string[] }) => updateTherapistAction(input),
    (stranded) => {
      // The action revalidates this page, so the new photo and status arrive with its answer.
      setSaved({ stranded });
    },
  );

  // Once saved, the question the save answered is done with.
  const question = saved ? null : change.question;

  function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // A question answered by saving is still held by the hook; this submit starts afresh.
    change.dismissQuestion();
    setSaved(null);
    const form = event.currentTarget;
    const tooLarge = photoTooLarge(form, t);
    if (tooLarge) return change.showErrors({ photo: tooLarge });
    const data = formWithLists(form, lists);
    setSent(data);
    change.submit({ form: data });
  }

  return (
    <>
      <div ref={savedRef} tabIndex={-1} role="status" className="focus:outline-none">
        {saved ? (
          <div className="mb-4 rounded-md border border-teal-300 bg-teal-50 p-3">
            <p className="font-semibold">{t("changesSaved")}</p>
            {saved.stranded.length > 0 ? (
              <>
                <p className="mt-1 text-sm">{t("therapists.savedStranded")}</p>
                <StrandedList stranded={saved.stranded} />
              </>
            ) : null}
          </div>
        ) : null}
      </div>
      {question ? (
        <StrandedWarning
          question={question}
          therapistFirstName={therapist.firstName}
          pending={change.pending}
          onConfirm={() => sent && change.submit({ form: sent }, question.stranded.map((s) => s.id))}
          onBack={change.dismissQuestion}
        />
      ) : null}
      <form onSubmit={save} noValidate encType="multipart/form-data" hidden={question !== null} className="space-y-5">
        <input type="hidden" name="id" value={therapist.id} />
        <ErrorSummary title={t("pleaseCheck")} errors={summaryErrors(change.fields, change.message, controlIds(locations, services))} focusKey={change.attempt} />
        <TherapistFields
          therapist={therapist}
          locations={locations}
          services={services}
          fields={change.fields}
          lists={lists}
          setLists={(next) => setListsState((l) => ({ ...l, ...next }))}
          withLogin={false}
        />
        <fieldset>
          <legend className="font-medium">{t("therapists.status")}</legend>
          <label className="mt-2 flex items-start gap-3">
            <input type="checkbox" name="active" defaultChecked={therapist.active} aria-describedby="therapist-active-hint" className="mt-1 size-5" />
            <span>
              <span className="font-semibold">{t("therapists.active")}</span>
              <span id="therapist-active-hint" className="block text-sm text-slate-700">
                {t("therapists.activeHint")}
              </span>
            </span>
          </label>
        </fieldset>
        <button type="submit" disabled={change.pending} className={buttonClass("primary")}>
          {change.pending ? t("saving") : t("saveChanges")}
        </button>
      </form>
    </>
  );
}

/** The form's own fields and file, plus the checkbox groups, which hold their state outside the form. */
function formWithLists(form: HTMLFormElement, lists: Pick<TherapistDraft, "languages" | "visitModes" | "locationIds" | "serviceIds">): FormData {
  const data = new FormData(form);
  // An empty file input still sends an empty file: leave it out, so nothing is uploaded.
  const photo = data.get("photo");
  if (photo instanceof File && photo.size === 0) data.delete("photo");
  for (const [name, values] of Object.entries(lists)) for (const value of values) data.append(name, value);
  return data;
}
