import type { SlotDto } from "../scheduling/slot-dto";

/** Every refusal the API and the staff actions can answer, each with its HTTP status (app-error.ts). */
export type ErrorCode =
  | "BAD_REQUEST"
  | "VALIDATION_FAILED"
  | "NOT_FOUND"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "SLOT_TAKEN"
  | "SLOT_UNAVAILABLE"
  | "PATIENT_BUSY"
  | "OUTSIDE_AREA"
  | "NOT_ELIGIBLE"
  | "FORM_ALREADY_USED"
  | "TOO_LATE_TO_CHANGE"
  | "ALREADY_CANCELLED"
  | "STALE"
  | "INVALID_TRANSITION"
  | "RATE_LIMITED"
  | "PAYMENT_UNAVAILABLE"
  | "PAYMENT_DECLINED"
  | "PACKAGE_USED_UP"
  | "ROOM_NOT_OPEN"
  | "ROOM_IN_USE"
  | "FORBIDDEN"
  | "UNAUTHORIZED"
  | "INTERNAL";

/** The body of every error answer. */
export interface ErrorDto {
  error: { code: ErrorCode; message: string; fields?: Record<string, string> };
  /** With SLOT_TAKEN, SLOT_UNAVAILABLE and PATIENT_BUSY: the nearest free times. */
  alternatives?: SlotDto[];
}
