"use client";

import { buttonClass } from "@/components/form/button";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { removeTimeOff } from "./actions";
import { DeleteConfirm } from "./delete-confirm";
import { ModalDialog } from "@/components/form/dialog";
import { useScheduleNotice } from "./schedule-notice";
import type { LocationOption, TherapistRef } from "./schedule-props";
import { TimeOffForm } from "./time-off-form";

export function AddTimeOffButton({ therapist, locations }: { therapist: TherapistRef; locations: LocationOption[] }) {
  const t = useTranslations("staffSchedules.timeOff");
  const [open, setOpen] = useState(false);
  const notify = useScheduleNotice();
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className={buttonClass("primary","sm")}>
        {t("add")}
      </button>
      {open ? (
        <ModalDialog title={t("addTitle", { therapist: therapist.firstName })} onClose={() => setOpen(false)}>
          <TimeOffForm
            therapist={therapist}
            locations={locations}
            onSaved={(message, stranded) => {
              setOpen(false);
              notify(message, stranded);
            }}
            onCancel={() => setOpen(false)}
          />
        </ModalDialog>
      ) : null}
    </>
  );
}

export function DeleteTimeOffButton({ id, label, therapistFirstName }: { id: string; label: string; therapistFirstName: string }) {
  const t = useTranslations("staffSchedules.timeOff");
  const [open, setOpen] = useState(false);
  const notify = useScheduleNotice();
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className="rounded-md border border-slate-400 bg-white px-2 py-1 text-sm font-medium text-red-800 hover:bg-red-50">
        {t.rich("delete", { label, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
      </button>
      {open ? (
        <ModalDialog title={t("deleteTitle")} onClose={() => setOpen(false)}>
          <DeleteConfirm
            what={label}
            consequence={t("deleteConsequence", { therapist: therapistFirstName })}
            therapistFirstName={therapistFirstName}
            action={() => removeTimeOff({ id })}
            onSaved={() => {
              setOpen(false);
              notify(t("deleted", { therapist: therapistFirstName, label }));
            }}
            onCancel={() => setOpen(false)}
          />
        </ModalDialog>
      ) : null}
    </>
  );
}
