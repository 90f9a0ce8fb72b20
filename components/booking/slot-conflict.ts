import type { SlotDto } from "@/lib/booking/api-types";
import { ApiError } from "./api-client";

export type SlotConflictCode = "SLOT_TAKEN" | "PATIENT_BUSY" | "SLOT_UNAVAILABLE";

export interface SlotConflict {
  code: SlotConflictCode;
  /** The nearest free times the API offers instead. */
  alternatives: SlotDto[];
}

/** A booking or reschedule refused because of the chosen time (409, or 422 SLOT_UNAVAILABLE), with alternatives. */
export function slotConflict(error: unknown): SlotConflict | null {
  if (!(error instanceof ApiError)) return null;
  const code = error.body?.error.code;
  if (code !== "SLOT_TAKEN" && code !== "PATIENT_BUSY" && code !== "SLOT_UNAVAILABLE") return null;
  return { code, alternatives: error.body?.alternatives ?? [] };
}
