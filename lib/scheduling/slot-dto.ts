/** One bookable time as the API answers it. */
export interface SlotDto {
  /** ISO 8601 with the location's offset, e.g. 2026-11-23T09:00:00-06:00. */
  start: string;
  end: string;
  therapistId: string;
  locationId: string;
  /** The last instant the visit could be changed or cancelled online once booked (start minus the service's cut-off), with the location's offset. */
  changeableOnlineUntil: string;
  /** False when, at the time of the answer, that instant has already passed: booked now, the visit could not be changed online at all. */
  changeableOnline: boolean;
}
