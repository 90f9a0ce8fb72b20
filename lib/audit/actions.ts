// Every action the application writes to the audit log, with the label the
// audit page shows for it. One closed list, so a misspelt action fails the
// type-check instead of writing rows no filter finds. Stored rows keep these
// names: rename one and the older rows drop out of its filter.
export const AUDIT_ACTIONS = {
  "patient.search": "Searched patients",
  "patient.view": "Opened a patient record",
  "patient.update": "Changed a patient's contact details",
  "therapist-day.view": "Viewed a therapist's day",
  "calendar.view": "Viewed the calendar",
  "visit-note.read": "Read a visit note",
  "visit-note.save": "Saved a visit note",
  "appointment.view": "Opened an appointment by manage link",
  "appointment.create": "Booked an appointment",
  "appointment.replay": "Answered a re-sent booking form with its booking",
  "appointment.reschedule": "Rescheduled an appointment",
  "appointment.move": "Moved an appointment on the calendar",
  "appointment.cancel": "Cancelled an appointment",
  "appointment.check-in": "Checked a patient in",
  "appointment.complete": "Completed an appointment",
  "appointment.no-show": "Marked a no-show",
  "video.join": "Joined a video visit",
  "video.admit": "Admitted a patient to a video visit",
  "video.leave": "Left a video visit",
  "schedule.hours.create": "Added weekly hours",
  "schedule.hours.update": "Changed weekly hours",
  "schedule.hours.delete": "Removed weekly hours",
  "schedule.time-off.create": "Added time off",
  "schedule.time-off.delete": "Removed time off",
  "location.home-area.update": "Changed a home-visit area",
  "staff.sign-in": "Signed in",
  "staff.create": "Created a staff account",
  "staff.reset-access": "Reset a staff member's access",
  "staff.deactivate": "Deactivated a staff account",
  "staff.reactivate": "Reactivated a staff account",
  "data.import.preview": "Checked a file before importing it",
  "data.import.patients": "Imported patients from a file",
  "data.import.appointments": "Imported appointments from a file",
  "data.export.patients": "Exported every patient",
  "data.export.appointments": "Exported every appointment",
  "setup.complete": "Set up the practice and its first administrator",
  "setup.admin-create": "Created an administrator from the command line",
  "appointment.undo-check-in": "Undid a check-in",
  "appointment.undo-no-show": "Undid a no-show",
  "settings.practice.update": "Changed the practice's details",
  "settings.location.create": "Added a location",
  "settings.location.update": "Changed a location",
  "settings.room.create": "Added a room",
  "settings.room.update": "Changed a room",
  "settings.service.create": "Added a service",
  "settings.service.update": "Changed a service",
  "settings.therapist.create": "Added a therapist",
  "settings.therapist.update": "Changed a therapist",
  "settings.reason.create": "Added a reason for visit",
  "settings.reason.update": "Changed a reason for visit",
  "outbox.view": "Viewed the outbox",
  "outbox.mail.view": "Read a caught email",
  "message.test": "Sent a test email",
  "message.resend": "Sent a patient their visit's links again",
  "visit.messages.view": "Viewed the messages about a visit",
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}
