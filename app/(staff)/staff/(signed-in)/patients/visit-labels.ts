import type { AppointmentStatus, Language, VisitMode } from "@/lib/db/generated/enums";

export const STATUS_LABEL: Record<AppointmentStatus, string> = {
  BOOKED: "Booked",
  CHECKED_IN: "Checked in",
  COMPLETED: "Completed",
  CANCELLED: "Cancelled",
  NO_SHOW: "No-show",
};

export const MODE_LABEL: Record<VisitMode, string> = { CLINIC: "In clinic", HOME: "Home visit", VIDEO: "Video" };

export const LANGUAGE_LABEL: Record<Language, string> = { en: "English", es: "Spanish" };
