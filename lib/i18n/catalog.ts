import { createTranslator, type NamespaceKeys, type NestedKeyOf } from "use-intl/core";
import type { Language } from "./languages";
import enAttendance from "./messages/en/attendance.json";
import enBook from "./messages/en/book.json";
import enCalendarFile from "./messages/en/calendar-file.json";
import enHome from "./messages/en/home.json";
import enLayout from "./messages/en/layout.json";
import enLookup from "./messages/en/lookup.json";
import enManage from "./messages/en/manage.json";
import enMessageCancelled from "./messages/en/message-cancelled.json";
import enMessageConfirmation from "./messages/en/message-confirmation.json";
import enMessageLateRefund from "./messages/en/message-late-refund.json";
import enMessageLayout from "./messages/en/message-layout.json";
import enMessageHomeProgram from "./messages/en/message-home-program.json";
import enMessageIntake from "./messages/en/message-intake.json";
import enIntake from "./messages/en/intake.json";
import enStaffProgress from "./messages/en/staff-progress.json";
import enMessagePackage from "./messages/en/message-package.json";
import enMessageLinks from "./messages/en/message-links.json";
import enMessageLookup from "./messages/en/message-lookup.json";
import enMessageReminder from "./messages/en/message-reminder.json";
import enMessageRescheduled from "./messages/en/message-rescheduled.json";
import enMessageSmsReply from "./messages/en/message-sms-reply.json";
import enMessageTest from "./messages/en/message-test.json";
import enMessageTherapistNotice from "./messages/en/message-therapist-notice.json";
import enMessageVisit from "./messages/en/message-visit.json";
import enMeta from "./messages/en/meta.json";
import enNotFound from "./messages/en/not-found.json";
import enNotOpen from "./messages/en/not-open.json";
import enPackages from "./messages/en/packages.json";
import enPayment from "./messages/en/payment.json";
import enPolicies from "./messages/en/policies.json";
import enPreferences from "./messages/en/preferences.json";
import enProgram from "./messages/en/program.json";
import enSeries from "./messages/en/series.json";
import enSlots from "./messages/en/slots.json";
import enSpeakers from "./messages/en/speakers.json";
import enStaffAdmin from "./messages/en/staff-admin.json";
import enStaffAudit from "./messages/en/staff-audit.json";
import enStaffCarePlans from "./messages/en/staff-care-plans.json";
import enStaffCalendar from "./messages/en/staff-calendar.json";
import enStaffData from "./messages/en/staff-data.json";
import enStaffMoney from "./messages/en/staff-money.json";
import enStaffReports from "./messages/en/staff-reports.json";
import enStaffExercises from "./messages/en/staff-exercises.json";
import enStaffNav from "./messages/en/staff-nav.json";
import enStaffOutbox from "./messages/en/staff-outbox.json";
import enStaffPackages from "./messages/en/staff-packages.json";
import enStaffPatients from "./messages/en/staff-patients.json";
import enStaffSchedules from "./messages/en/staff-schedules.json";
import enStaffSettings from "./messages/en/staff-settings.json";
import enStaffSetup from "./messages/en/staff-setup.json";
import enStaffShell from "./messages/en/staff-shell.json";
import enStaffSignIn from "./messages/en/staff-sign-in.json";
import enStaffToday from "./messages/en/staff-today.json";
import enStaffVisit from "./messages/en/staff-visit.json";
import enStaffVisitMoney from "./messages/en/staff-visit-money.json";
import enStaffVisitMessages from "./messages/en/staff-visit-messages.json";
import enTerms from "./messages/en/terms.json";
import enVideoJoin from "./messages/en/video-join.json";
import enVideoRoom from "./messages/en/video-room.json";
import enVideoVisit from "./messages/en/video-visit.json";
import esAttendance from "./messages/es/attendance.json";
import esBook from "./messages/es/book.json";
import esCalendarFile from "./messages/es/calendar-file.json";
import esHome from "./messages/es/home.json";
import esLayout from "./messages/es/layout.json";
import esLookup from "./messages/es/lookup.json";
import esManage from "./messages/es/manage.json";
import esMessageCancelled from "./messages/es/message-cancelled.json";
import esMessageConfirmation from "./messages/es/message-confirmation.json";
import esMessageLateRefund from "./messages/es/message-late-refund.json";
import esMessageLayout from "./messages/es/message-layout.json";
import esMessageHomeProgram from "./messages/es/message-home-program.json";
import esMessageIntake from "./messages/es/message-intake.json";
import esIntake from "./messages/es/intake.json";
import esMessagePackage from "./messages/es/message-package.json";
import esMessageLinks from "./messages/es/message-links.json";
import esMessageLookup from "./messages/es/message-lookup.json";
import esMessageReminder from "./messages/es/message-reminder.json";
import esMessageRescheduled from "./messages/es/message-rescheduled.json";
import esMessageSmsReply from "./messages/es/message-sms-reply.json";
import esMessageTest from "./messages/es/message-test.json";
import esMessageVisit from "./messages/es/message-visit.json";
import esMeta from "./messages/es/meta.json";
import esNotFound from "./messages/es/not-found.json";
import esNotOpen from "./messages/es/not-open.json";
import esPackages from "./messages/es/packages.json";
import esPayment from "./messages/es/payment.json";
import esPolicies from "./messages/es/policies.json";
import esPreferences from "./messages/es/preferences.json";
import esProgram from "./messages/es/program.json";
import esSeries from "./messages/es/series.json";
import esSlots from "./messages/es/slots.json";
import esSpeakers from "./messages/es/speakers.json";
import esTerms from "./messages/es/terms.json";
import esVideoJoin from "./messages/es/video-join.json";
import esVideoRoom from "./messages/es/video-room.json";
import esVideoVisit from "./messages/es/video-visit.json";

// The one translation catalogue of pages and messages: ICU messages, one JSON
// file per namespace and language under lib/i18n/messages/<language>/. English
// is the reference: its shape is the Messages type, so a key missing from
// another language fails the type-check, and catalog.test.ts checks that the
// languages agree key by key and placeholder by placeholder.
const en = {
  attendance: enAttendance,
  book: enBook,
  calendarFile: enCalendarFile,
  home: enHome,
  layout: enLayout,
  lookup: enLookup,
  manage: enManage,
  messageCancelled: enMessageCancelled,
  messageConfirmation: enMessageConfirmation,
  messageLateRefund: enMessageLateRefund,
  messagePackage: enMessagePackage,
  messageLayout: enMessageLayout,
  messageHomeProgram: enMessageHomeProgram,
  messageIntake: enMessageIntake,
  intake: enIntake,
  staffProgress: enStaffProgress,
  messageLinks: enMessageLinks,
  messageLookup: enMessageLookup,
  messageReminder: enMessageReminder,
  messageRescheduled: enMessageRescheduled,
  messageSmsReply: enMessageSmsReply,
  messageTest: enMessageTest,
  // Therapists read their notices in English, as staff pages are.
  messageTherapistNotice: enMessageTherapistNotice,
  messageVisit: enMessageVisit,
  meta: enMeta,
  notFound: enNotFound,
  notOpen: enNotOpen,
  packages: enPackages,
  payment: enPayment,
  policies: enPolicies,
  preferences: enPreferences,
  program: enProgram,
  series: enSeries,
  slots: enSlots,
  speakers: enSpeakers,
  // Staff pages ship in English; their namespaces start with "staff".
  staffAdmin: enStaffAdmin,
  staffAudit: enStaffAudit,
  staffCarePlans: enStaffCarePlans,
  staffCalendar: enStaffCalendar,
  staffData: enStaffData,
  staffMoney: enStaffMoney,
  staffReports: enStaffReports,
  staffExercises: enStaffExercises,
  staffNav: enStaffNav,
  staffOutbox: enStaffOutbox,
  staffPackages: enStaffPackages,
  staffPatients: enStaffPatients,
  staffSchedules: enStaffSchedules,
  staffSettings: enStaffSettings,
  staffSetup: enStaffSetup,
  staffShell: enStaffShell,
  staffSignIn: enStaffSignIn,
  staffToday: enStaffToday,
  staffVisit: enStaffVisit,
  staffVisitMessages: enStaffVisitMessages,
  staffVisitMoney: enStaffVisitMoney,
  terms: enTerms,
  videoJoin: enVideoJoin,
  videoRoom: enVideoRoom,
  videoVisit: enVideoVisit,
};

export type Messages = typeof en;

// Spanish staff pages are welcome: until a namespace has its own Spanish file, it reads the English one.
const es: Messages = {
  attendance: esAttendance,
  book: esBook,
  calendarFile: esCalendarFile,
  home: esHome,
  layout: esLayout,
  lookup: esLookup,
  manage: esManage,
  messageCancelled: esMessageCancelled,
  messageConfirmation: esMessageConfirmation,
  messageLateRefund: esMessageLateRefund,
  messagePackage: esMessagePackage,
  messageLayout: esMessageLayout,
  messageHomeProgram: esMessageHomeProgram,
  messageIntake: esMessageIntake,
  intake: esIntake,
  staffProgress: enStaffProgress,
  messageLinks: esMessageLinks,
  messageLookup: esMessageLookup,
  messageReminder: esMessageReminder,
  messageRescheduled: esMessageRescheduled,
  messageSmsReply: esMessageSmsReply,
  messageTest: esMessageTest,
  messageTherapistNotice: enMessageTherapistNotice,
  messageVisit: esMessageVisit,
  meta: esMeta,
  notFound: esNotFound,
  notOpen: esNotOpen,
  packages: esPackages,
  payment: esPayment,
  policies: esPolicies,
  preferences: esPreferences,
  program: esProgram,
  series: esSeries,
  slots: esSlots,
  speakers: esSpeakers,
  staffAdmin: enStaffAdmin,
  staffAudit: enStaffAudit,
  staffCarePlans: enStaffCarePlans,
  staffCalendar: enStaffCalendar,
  staffData: enStaffData,
  staffMoney: enStaffMoney,
  staffReports: enStaffReports,
  staffExercises: enStaffExercises,
  staffNav: enStaffNav,
  staffOutbox: enStaffOutbox,
  staffPackages: enStaffPackages,
  staffPatients: enStaffPatients,
  staffSchedules: enStaffSchedules,
  staffSettings: enStaffSettings,
  staffSetup: enStaffSetup,
  staffShell: enStaffShell,
  staffSignIn: enStaffSignIn,
  staffToday: enStaffToday,
  staffVisit: enStaffVisit,
  staffVisitMessages: enStaffVisitMessages,
  staffVisitMoney: enStaffVisitMoney,
  terms: esTerms,
  videoJoin: esVideoJoin,
  videoRoom: esVideoRoom,
  videoVisit: esVideoVisit,
};

export const catalogs: Record<Language, Messages> = { en, es };

/**
 * Some namespaces in one language, for a patient page's client components.
 * Patient pages carry no translations by default: each page that has client
 * components with words passes just their namespaces to a provider of its own,
 * so the messages' and staff pages' words stay on the server and a page ships
 * the translation runtime only when it needs it.
 */
export function clientMessages(language: Language, namespaces: readonly (keyof Messages)[]): Partial<Messages> {
  return Object.fromEntries(namespaces.map((namespace) => [namespace, catalogs[language][namespace]]));
}

/** The namespaces of the booking flow's client components (the later steps, the time picker, the visit terms, the video-visit words), read on the booking and manage pages. */
const BOOKING_CLIENT_NAMESPACES = ["book", "manage", "slots", "speakers", "terms", "videoVisit"] as const satisfies readonly (keyof Messages)[];

export function bookingClientMessages(language: Language): Partial<Messages> {
  return clientMessages(language, BOOKING_CLIENT_NAMESPACES);
}

/** The staff pages' messages, the only ones their client components receive. */
export function staffMessages(): Partial<Messages> {
  const staff: Partial<Messages> = Object.fromEntries(Object.entries(catalogs.en).filter(([namespace]) => namespace.startsWith("staff")));
  // The video room serves patients and staff alike: staff hold their visits in English.
  return { ...staff, videoRoom: catalogs.en.videoRoom };
}

export type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

/**
 * A translator for one language and namespace, for code that runs outside a
 * React render: the message composers in the worker, calendar files, route
 * handlers. Pages and components use next-intl's getTranslations and
 * useTranslations, which read the same catalogue.
 */
export function translator<N extends Namespace>(language: Language, namespace: N) {
  return createTranslator({ locale: language, messages: catalogs[language], namespace });
}
