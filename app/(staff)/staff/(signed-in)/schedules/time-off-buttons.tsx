"use client";

import { buttonClass } from "@/components/form/button";
import { useState } from "react";
import { removeTimeOff } from "./actions";
import { DeleteConfirm } from "./delete-confirm";
import { ModalDialog } from "@/components/form/dialog";
import { useScheduleNotice } from "./schedule-notice";
import type { LocationOption, TherapistRef } from "./schedule-props";
import { TimeOffForm } from "./time-off-form";

export function AddTimeOffButton({ therapist, locations }: { therapist: TherapistRef; locations: LocationOption[] }) {
  const [open, setOpen] = useState(false);
  const notify = useScheduleNotice();
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className={buttonClass("primary","sm")}>
        Add time off
      </button>
      {open ? (
        <ModalDialog title={`Add time off for ${therapist.firstName}`} onClose={() => setOpen(false)}>
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
  const [open, setOpen] = useState(false);
  const notify = useScheduleNotice();
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className="rounded-md border border-slate-400 bg-white px-2 py-1 text-sm font-medium text-red-800 hover:bg-red-50">
        Delete<span className="sr-only"> {label}</span>
      </button>
      {open ? (
        <ModalDialog title="Delete this time off?" onClose={() => setOpen(false)}>
          <DeleteConfirm
            what={label}
            consequence={`Online booking offers ${therapistFirstName}'s working hours in this time again at once.`}
            therapistFirstName={therapistFirstName}
            action={() => removeTimeOff({ id })}
            onSaved={() => {
              setOpen(false);
              notify(`Deleted ${therapistFirstName}'s ${label}.`);
            }}
            onCancel={() => setOpen(false)}
          />
        </ModalDialog>
      ) : null}
    </>
  );
}
