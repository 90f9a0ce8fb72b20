import type { SlotDto } from "../scheduling/slot-dto";
import type { ErrorCode } from "./error-dto";

const STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  SLOT_TAKEN: 409,
  PATIENT_BUSY: 409,
  TOO_LATE_TO_CHANGE: 409,
  ALREADY_CANCELLED: 409,
  STALE: 409,
  INVALID_TRANSITION: 409,
  ROOM_NOT_OPEN: 409,
  ROOM_IN_USE: 409,
  PACKAGE_USED_UP: 409,
  VALIDATION_FAILED: 422,
  SLOT_UNAVAILABLE: 422,
  OUTSIDE_AREA: 422,
  NOT_ELIGIBLE: 422,
  FORM_ALREADY_USED: 422,
  RATE_LIMITED: 429,
  PAYMENT_UNAVAILABLE: 503,
  /** The card on file was declined: Stripe's decline words go to the desk. */
  PAYMENT_DECLINED: 402,
  INTERNAL: 500,
};

/** The one error type domain code throws; route handlers turn it into JSON. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly alternatives?: SlotDto[];
  readonly retryAfterSeconds?: number;

  constructor(
    code: ErrorCode,
    message: string,
    extra: { fields?: Record<string, string>; alternatives?: SlotDto[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = extra.fields;
    this.alternatives = extra.alternatives;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }

  get status(): number {
    return STATUS[this.code];
  }
}
