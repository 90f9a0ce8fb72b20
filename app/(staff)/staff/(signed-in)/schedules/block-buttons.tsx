"use client";

import { buttonClass } from "@/components/form/button";
import { useState } from "react";
import { weekdayName } from "@/lib/schedules/labels";
import type { WeeklyHoursRow } from "@/lib/schedules/types";
import { formatClockRange } from "@/lib/schedules/wall-time";
import { removeWeeklyHours } from "./actions";
import { DeleteConfirm } from "./delete-confirm";
import { ModalDialog } from "@/components/form/dialog";
import { useScheduleNotice } from "./schedule-notice";
import type { LocationOption, TherapistRef } from "./schedule-props";
import { WeeklyBlockForm } from "./weekly-block-form";

interface AddBlockButtonProps {
  therapist: TherapistRef;
  locations: LocationOption[];
  location: LocationOption;
}

export function AddBlockButton({ therapist, locations, location }: AddBlockButtonProps) {
  const [open, setOpen] = useState(false);
  const notify = useScheduleNotice();
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className={buttonClass("primary","sm")}>
        Add hours<span className="sr-only"> at {location.name}</span>
      </button>
      {open ? (
        <ModalDialog title="Add working hours" onClose={() => setOpen(false)}>
          <WeeklyBlockForm
            therapist={therapist}
            locations={locations}
            defaultLocationId={location.id}
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

interface BlockButtonsProps {
  therapist: TherapistRef;
  locations: LocationOption[];
  block: WeeklyHoursRow;
  locationName: string;
}

/** Change and Delete for one weekly block, each in its own dialog. */
export function BlockButtons({ therapist, locations, block, locationName }: BlockButtonsProps) {
  const [open, setOpen] = useState<"edit" | "delete" | null>(null);
  const notify = useScheduleNotice();
  const label = `${weekdayName(block.weekday)} ${formatClockRange(block.startMinute, block.endMinute)} at ${locationName}`;
  const close = () => setOpen(null);
  return (
    <span className="flex gap-1">
      <button type="button" onClick={() => setOpen("edit")} className="rounded-md border border-slate-400 bg-white px-2 py-1 text-sm font-medium hover:bg-slate-100">
        Change<span className="sr-only"> {label}</span>
      </button>
      <button type="button" onClick={() => setOpen("delete")} className="rounded-md border border-slate-400 bg-white px-2 py-1 text-sm font-medium text-red-800 hover:bg-red-50">
        Delete<span className="sr-only"> {label}</span>
      </button>
      {open === "edit" ? (
        <ModalDialog title="Change working hours" onClose={close}>
          <WeeklyBlockForm
            therapist={therapist}
            locations={locations}
            block={block}
            defaultLocationId={block.locationId}
            onSaved={(message, stranded) => {
              close();
              notify(message, stranded);
            }}
            onCancel={close}
          />
        </ModalDialog>
      ) : null}
      {open === "delete" ? (
        <ModalDialog title="Delete these hours?" onClose={close}>
          <DeleteConfirm
            what={label}
            consequence="Online booking stops offering these hours at once."
            therapistFirstName={therapist.firstName}
            action={(input) => removeWeeklyHours({ id: block.id, ...input })}
            onSaved={(stranded) => {
              close();
              notify(`Deleted ${therapist.firstName}'s hours: ${label}.`, stranded);
            }}
            onCancel={close}
          />
        </ModalDialog>
      ) : null}
    </span>
  );
}
