"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/form/button";
import type { SlotDto } from "@/lib/booking/api-types";
import type { CalendarDto } from "@/lib/calendar/schema";
import { formatDate, formatMinutes, localDate, localMinutes } from "./wall-clock";

/**
 * The free times nearest to one the server refused, each a button that takes
 * it at once: booking in the booking dialog, moving after a refused move.
 */
export function NearestTimes({
  alternatives,
  data,
  verb,
  onPick,
}: {
  alternatives: SlotDto[];
  data: CalendarDto;
  verb: "book" | "move";
  onPick: (slot: SlotDto) => void;
}) {
  const t = useTranslations("staffCalendar.nearest");
  const nearest = alternatives.slice(0, 3);
  if (nearest.length === 0) return null;
  const nameOf = (id: string) => data.therapists.find((t) => t.id === id)?.name ?? t("anotherTherapist");
  return (
    <div className="mt-2">
      <p className="text-sm font-medium">{t("title")}</p>
      <ul className="mt-1 flex flex-wrap gap-2">
        {nearest.map((slot) => (
          <li key={`${slot.start}-${slot.therapistId}`}>
            <button type="button" onClick={() => onPick(slot)} className={buttonClass("secondary", "sm")}>
              {t("pick", { verb, date: formatDate(localDate(slot.start), "short"), time: formatMinutes(localMinutes(slot.start)), therapist: nameOf(slot.therapistId) })}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
