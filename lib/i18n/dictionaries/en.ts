import { endSentence } from "../sentence";

// The English dictionary is the reference: its shape is the Dictionary type, so
// a key missing from another language fails the type-check.

export const en = {
  /** Links to the policy pages from the booking form. */
  policies: {
    readCancellation: "Read the cancellation policy (opens in a new tab)",
    readPrivacy: "Read the privacy notice (opens in a new tab)",
  },
  book: {
    title: "Book a visit",
    intro: "No account needed. We only ask for what we need to arrange your visit.",
    stepOf: (step: number, total: number) => `Step ${step} of ${total}`,
    back: "Back",
    continue: "Continue",
    loading: "Loading the booking form…",
    loadError: "We could not load the booking form.",
    retry: "Try again",
    reason: {
      title: "What brings you in?",
      legend: "Choose the one that fits best.",
      other: "Something else",
      otherLabel: "Tell us briefly what brings you in",
      chooseError: "Choose a reason, or choose Something else.",
      otherError: "Tell us briefly what brings you in.",
    },
    kind: {
      title: "Kind of visit",
      serviceLegend: "Service",
      minutes: (minutes: number) => `${minutes} minutes`,
      free: "Free",
      newPatientsOnly: "For new patients",
      serviceError: "Choose a service.",
      modeLegend: "Where would you like to be seen?",
      modes: {
        CLINIC: { label: "In the clinic", hint: "You come to one of our clinics." },
        HOME: { label: "At home", hint: "A therapist comes to your home." },
      },
      modeError: "Choose where you would like to be seen.",
      postalCodeLabel: "Postal code of your home",
      postalCodeHint: "We check that we make home visits in your area.",
      postalCodeError: "Enter your postal code.",
      notServed: (postalCode: string) =>
        `Sorry, we do not make home visits to ${postalCode} yet. You are welcome to see us in the clinic instead.`,
      useClinic: "See me in the clinic instead",
    },
    place: {
      title: "Where and with whom",
      clinicLegend: "Clinic",
      homeLegend: "Home visits to you come from",
      locationError: "Choose a clinic.",
      noLocations: "No clinic offers this kind of visit online right now. Please go back and choose another, or call us.",
      therapistLegend: "Therapist",
      firstAvailable: "First available",
      firstAvailableHint: "Whoever is free at the time you pick, preferring someone who speaks your language.",
      speaks: (languages: string) => `Speaks ${languages}`,
      photoOf: (name: string) => `Photo of ${name}`,
    },
    time: {
      title: "Pick a time",
      error: "Choose a time to continue.",
      chosen: (when: string) => endSentence(`You chose ${when}`),
    },
    details: {
      title: "Your details",
      appointmentHeading: "Your appointment",
      nameLegend: "Your name",
      firstName: "First name",
      lastName: "Last name",
      email: "Email",
      emailHint: "We use it only to contact you about your appointments.",
      phone: "Phone",
      phoneHint: "In case we need to reach you about this appointment.",
      dateOfBirth: "Date of birth",
      addressLegend: "Address for the home visit",
      line1: "Street address",
      line2: "Apartment, suite, floor (optional)",
      city: "City",
      postalCode: "Postal code",
      postalCodeHint: "From the kind-of-visit step. To change it, go back to that step.",
      language: "Language for messages about this appointment",
      consent:
        "I agree that the clinic may contact me about this appointment, and I agree to the clinic's privacy notice.",
      consentHint: "We use your details only to arrange and provide your care, and never share them for marketing.",
      consentError: "Tick the box to agree before you book.",
      errorSummaryTitle: "Please check the following",
      submit: "Book appointment",
      submitting: "Booking your appointment…",
      fieldErrors: {
        firstName: "Enter your first name.",
        lastName: "Enter your last name.",
        email: "Enter a valid email address.",
        phone: "Enter a phone number we can text or call, e.g. (201) 555-0123 or +1 201 555 0123.",
        dateOfBirth: "Enter your date of birth.",
        "address.line1": "Enter the street address.",
        "address.line2": "Use at most 200 characters.",
        "address.city": "Enter the city.",
        "address.postalCode": "Enter a valid postal code.",
        consent: "Tick the box to agree before you book.",
      },
    },
    conflict: {
      SLOT_TAKEN: "Sorry, that time was just taken by someone else. Your details are still here: choose another time below.",
      PATIENT_BUSY: "You already have an appointment at that time. Your details are still here: choose another time below.",
      SLOT_UNAVAILABLE: "Sorry, that time is no longer open for booking. Your details are still here: choose another time below.",
      alternativesLegend: "Free times close to the one you chose",
      bookAlternative: "Book the selected time",
      chooseAlternative: "Choose one of the times first.",
      noAlternatives: "There are no free times close to it right now.",
      pickAnotherTime: "Pick another time",
    },
    failure: {
      rateLimited: "Too many booking attempts from this connection. Please wait a few minutes, then try again.",
      network: "We could not reach the booking system. Check your connection and try again; everything you typed is kept.",
      outsideArea: "We do not make home visits to that postal code. Please choose a visit in the clinic.",
      formUsed:
        "This booking form was already used to book a visit. Nothing was changed. To book another visit, reload the page and start again.",
      generic: "Something went wrong and the appointment was not booked. Please try again, or call the clinic.",
    },
  },
  slots: {
    timeZoneNote: (zone: string) => `Times are shown in ${zone}.`,
    previousWeek: "Previous week",
    nextWeek: "Next week",
    week: (from: string, to: string) => `${from} – ${to}`,
    weekLabel: "Week shown",
    legend: "Open times",
    loading: "Looking for open times…",
    found: (count: number, from: string, to: string) =>
      endSentence(count === 1 ? `1 open time from ${from} to ${to}` : `${count} open times from ${from} to ${to}`),
    empty: "There are no open times this week.",
    showNextWeek: "Show next week",
    error: "We could not load the open times.",
    retry: "Try again",
    /** A time's full name for screen readers: the time first, then its day, e.g. "2:30 PM, Thursday, December 3". */
    slotName: (day: string, time: string, therapist: string | null) =>
      therapist ? `${time}, ${day}, with ${therapist}` : `${time}, ${day}`,
    dayLegend: "Choose a day",
    /** Under a day of the week strip that has no open time. */
    noTimes: "None",
    dayName: (day: string, hasTimes: boolean) => (hasTimes ? day : `${day}, no open times`),
    timesLegend: (day: string) => `Open times on ${day}`,
    when: (day: string, time: string, therapist: string | null) =>
      therapist ? `${day} at ${time} with ${therapist}` : `${day} at ${time}`,
  },
  speakers: {
    /** On the place step, about the therapists listed. */
    listed: (names: string, count: number, language: string) => `${names} ${count === 1 ? "speaks" : "speak"} ${language}.`,
    allListed: (language: string) => `Every therapist listed speaks ${language}.`,
    noneListed: (language: string) => `No therapist listed speaks ${language}.`,
    /** On the time step, about the times of the day shown. */
    day: (names: string, count: number, language: string, times: number, total: number) =>
      times === total
        ? `${names} ${count === 1 ? "speaks" : "speak"} ${language}.`
        : `${names} ${count === 1 ? "speaks" : "speak"} ${language} (${times} of these ${total} times).`,
    noneDay: (language: string) => `No therapist with times this day speaks ${language}.`,
  },
  terms: {
    heading: "Price and changes",
    price: "Price",
    free: "Free",
    payment: "Payment",
    nothingToPay: "Nothing to pay.",
    pay: {
      CLINIC: "Pay at the clinic when you come in. There is no payment online.",
      HOME: "Pay the therapist at the visit. There is no payment online.",
      VIDEO: "Pay the clinic after the visit; they will tell you how. There is no payment online.",
    },
    changes: "Changes",
    cutoff: (before: string) => `You can change or cancel online until ${before} before your visit.`,
    cutoffAtStart: "You can change or cancel online until your visit starts.",
    duration: (minutes: number) => {
      const hours = Math.floor(minutes / 60);
      const rest = minutes % 60;
      const h = hours === 1 ? "1 hour" : `${hours} hours`;
      const m = rest === 1 ? "1 minute" : `${rest} minutes`;
      if (hours === 0) return m;
      return rest === 0 ? h : `${h} ${m}`;
    },
    /** Shown on a time inside the cut-off, next to it, before it is chosen. */
    finalMark: "Final",
    finalName: "cannot be changed or cancelled online once booked",
    finalNote: "Times marked “Final” cannot be changed or cancelled online once booked.",
    chosenFinal: (phone: string | null) =>
      phone
        ? `This time cannot be changed or cancelled online after you book it. To change it later, call the clinic at ${phone}.`
        : "This time cannot be changed or cancelled online after you book it. To change it later, call the clinic.",
    chosenDeadline: (when: string) => endSentence(`For this time, you can change or cancel online until ${when}`),
  },
};

export type Dictionary = typeof en;
