"use client";

import { buttonClass } from "@/components/form/button";
import { useTranslations } from "next-intl";
import { useState } from "react";
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
  const t = useTranslations("staffSchedules.weekly");
  const [open, setOpen] = useState(false);
  const notify = useScheduleNotice();
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className={buttonClass("primary","sm")}>
        {t.rich("addHours", { location: location.name, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
      </button>
      {open ? (
        <ModalDialog title={t("addTitle")} onClose={() => setOpen(false)}>
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
  const t = useTranslations("staffSchedules");
  const label = t("weekly.blockLabel", { day: t("weekday", { day: block.weekday }), range: formatClockRange(block.startMinute, block.endMinute), location: locationName });
  const sr = (chunks: React.ReactNode) => <span className="sr-only">{chunks}</span>;
  const close = () => setOpen(null);
  return (
    <span className="flex gap-1">
      <button type="button" onClick={() => setOpen("edit")} className="rounded-md border border-slate-400 bg-white px-2 py-1 text-sm font-medium hover:bg-slate-100">
        {t.rich("weekly.change", { label, sr })}
      </button>
      <button type="button" onClick={() => setOpen("delete")} className="rounded-md border border-slate-400 bg-white px-2 py-1 text-sm font-medium text-red-800 hover:bg-red-50">
        {t.rich("weekly.delete", { label, sr })}
      </button>
      {open === "edit" ? (
        <ModalDialog title={t("weekly.changeTitle")} onClose={close}>
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
        <ModalDialog title={t("weekly.deleteTitle")} onClose={close}>
          <DeleteConfirm
            what={label}
            consequence={t("weekly.deleteConsequence")}
            therapistFirstName={therapist.firstName}
            action={(input) => removeWeeklyHours({ id: block.id, ...input })}
            onSaved={(stranded) => {
              close();
              notify(t("weekly.deleted", { therapist: therapist.firstName, label }), stranded);
            }}
            onCancel={close}
          />
        </ModalDialog>
      ) : null}
    </span>
  );
}
