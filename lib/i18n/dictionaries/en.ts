import { endSentence } from "../sentence";

// The English dictionary is the reference: its shape is the Dictionary type, so
// a key missing from another language fails the type-check.

export const en = {
  manage: {
    title: "Your appointment",
    bookedTitle: "You're booked",
    bookedIntro: "Thank you, we look forward to seeing you. Keep the private link below: you can use it to change or cancel.",
    cancelledTitle: "Your appointment is cancelled",
    loading: "Loading your appointment…",
    loadError: "We could not load your appointment. Please try again.",
    retry: "Try again",
    invalidTitle: "This link is not valid or has expired",
    invalidBody: "Please check that you copied the whole link from your email. If you need help, call the clinic.",
    bookAgain: "Book a new visit",
    summaryHeading: "Details",
    status: {
      BOOKED: "Booked",
      CHECKED_IN: "Checked in",
      COMPLETED: "Completed",
      CANCELLED: "Cancelled",
      NO_SHOW: "Missed",
    },
    statusLabel: "Status",
    service: "Visit",
    when: "When",
    timeZoneNote: (zone: string) => `Time shown in ${zone}.`,
    therapist: "Therapist",
    where: "Where",
    atHome: "At your home",
    reason: "Reason",
    language: "Language for messages",
    cancelledNote: "This appointment is cancelled. You do not need to do anything else.",
    /** The way back to booking from a cancelled visit's pages. */
    bookAgainAfterCancel: "Book again",
    cancellationReason: "Reason given",
    /** Shown as the reason when the patient cancelled online without giving one. */
    cancelledByPatient: "You cancelled it online.",
    addToCalendar: "Add to calendar",
    addToCalendarHint: "Downloads a calendar file (.ics) for your calendar app.",
    linkHeading: "Your private link",
    linkLabel: "Link to this page",
    linkNote: "Keep this link private: anyone who has it can see, change or cancel this appointment.",
    copy: "Copy link",
    copied: "Link copied.",
    copyFailed: "Could not copy. Select the link and copy it yourself.",
    changeHeading: "Change or cancel",
    changeDeadline: (when: string) => endSentence(`You can change or cancel online until ${when}`),
    noChanges: "Changes are no longer possible online.",
    callClinic: "To change or cancel, please call the clinic:",
    callClinicNoPhone: "To change or cancel, please call the clinic.",
    reschedule: {
      open: "Choose a new time",
      heading: "Choose a new time",
      confirm: "Move my appointment to this time",
      saving: "Moving your appointment…",
      close: "Keep the current time",
      chooseError: "Choose a new time first.",
      conflict: {
        SLOT_TAKEN: "Sorry, that time was just taken by someone else. Choose another time below.",
        PATIENT_BUSY: "You already have another appointment at that time. Choose another time below.",
        SLOT_UNAVAILABLE: "Sorry, that time is no longer open for booking. Choose another time below.",
      },
      done: (when: string) => endSentence(`Done. Your appointment is now ${when}`),
    },
    cancel: {
      open: "Cancel appointment",
      heading: "Cancel this appointment?",
      reasonLabel: "Reason (optional)",
      reasonHint: "It helps us to know, but you do not have to tell us.",
      confirm: "Yes, cancel appointment",
      saving: "Cancelling…",
      keep: "No, keep it",
    },
    failure: {
      TOO_LATE_TO_CHANGE: "It is too late to change this appointment online. Please call the clinic.",
      ALREADY_CANCELLED: "This appointment was already cancelled.",
      rateLimited: "Too many attempts. Please wait a few minutes, then try again.",
      network: "We could not reach the booking system. Check your connection and try again.",
      generic: "Something went wrong and nothing was changed. Please try again, or call the clinic.",
    },
  },
};

export type Dictionary = typeof en;
