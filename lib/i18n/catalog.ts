import { createTranslator, type NamespaceKeys, type NestedKeyOf } from "use-intl/core";
import type { Language } from "./languages";
import enCalendarFile from "./messages/en/calendar-file.json";
import esCalendarFile from "./messages/es/calendar-file.json";
import enMessageCancelled from "./messages/en/message-cancelled.json";
import esMessageCancelled from "./messages/es/message-cancelled.json";
import enMessageConfirmation from "./messages/en/message-confirmation.json";
import esMessageConfirmation from "./messages/es/message-confirmation.json";
import enMessageLayout from "./messages/en/message-layout.json";
import esMessageLayout from "./messages/es/message-layout.json";
import enMessageLinks from "./messages/en/message-links.json";
import esMessageLinks from "./messages/es/message-links.json";
import enMessageLookup from "./messages/en/message-lookup.json";
import esMessageLookup from "./messages/es/message-lookup.json";
import enMessageReminder from "./messages/en/message-reminder.json";
import esMessageReminder from "./messages/es/message-reminder.json";
import enMessageRescheduled from "./messages/en/message-rescheduled.json";
import esMessageRescheduled from "./messages/es/message-rescheduled.json";
import enMessageSmsReply from "./messages/en/message-sms-reply.json";
import esMessageSmsReply from "./messages/es/message-sms-reply.json";
import enMessageTest from "./messages/en/message-test.json";
import esMessageTest from "./messages/es/message-test.json";
import enMessageTherapistNotice from "./messages/en/message-therapist-notice.json";
import enMessageVisit from "./messages/en/message-visit.json";
import esMessageVisit from "./messages/es/message-visit.json";
import enStaffShell from "./messages/en/staff-shell.json";

// The one translation catalogue of pages and messages: ICU messages, one JSON
// file per namespace and language under lib/i18n/messages/<language>/. English
// is the reference: its shape is the Messages type, so a key missing from
// another language fails the type-check, and catalog.test.ts checks that the
// languages agree key by key and placeholder by placeholder.
const en = {
  calendarFile: enCalendarFile,
  messageCancelled: enMessageCancelled,
  messageConfirmation: enMessageConfirmation,
  messageLayout: enMessageLayout,
  messageLinks: enMessageLinks,
  messageLookup: enMessageLookup,
  messageReminder: enMessageReminder,
  messageRescheduled: enMessageRescheduled,
  messageSmsReply: enMessageSmsReply,
  messageTest: enMessageTest,
  // Therapists read their notices in English, as staff pages are.
  messageTherapistNotice: enMessageTherapistNotice,
  messageVisit: enMessageVisit,
  // Staff pages ship in English; their namespaces start with "staff".
  staffShell: enStaffShell,
};

export type Messages = typeof en;

// Spanish staff pages are welcome: until a namespace has its own Spanish file, it reads the English one.
const es: Messages = {
  calendarFile: esCalendarFile,
  messageCancelled: esMessageCancelled,
  messageConfirmation: esMessageConfirmation,
  messageLayout: esMessageLayout,
  messageLinks: esMessageLinks,
  messageLookup: esMessageLookup,
  messageReminder: esMessageReminder,
  messageRescheduled: esMessageRescheduled,
  messageSmsReply: esMessageSmsReply,
  messageTest: esMessageTest,
  messageTherapistNotice: enMessageTherapistNotice,
  messageVisit: esMessageVisit,
  staffShell: enStaffShell,
};

export const catalogs: Record<Language, Messages> = { en, es };

/** The staff pages' messages, the only ones their client components receive. */
export function staffMessages(): Partial<Messages> {
  return Object.fromEntries(Object.entries(catalogs.en).filter(([namespace]) => namespace.startsWith("staff")));
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
