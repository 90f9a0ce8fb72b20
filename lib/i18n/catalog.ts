import { createTranslator, type NamespaceKeys, type NestedKeyOf } from "use-intl/core";
import type { Language } from "./languages";
import enCalendarFile from "./messages/en/calendar-file.json";
import esCalendarFile from "./messages/es/calendar-file.json";
import enStaffAdmin from "./messages/en/staff-admin.json";
import enStaffData from "./messages/en/staff-data.json";
import enStaffNav from "./messages/en/staff-nav.json";
import enStaffSettings from "./messages/en/staff-settings.json";
import enStaffSetup from "./messages/en/staff-setup.json";
import enStaffShell from "./messages/en/staff-shell.json";
import enStaffSignIn from "./messages/en/staff-sign-in.json";

// The one translation catalogue of pages and messages: ICU messages, one JSON
// file per namespace and language under lib/i18n/messages/<language>/. English
// is the reference: its shape is the Messages type, so a key missing from
// another language fails the type-check, and catalog.test.ts checks that the
// languages agree key by key and placeholder by placeholder.
const en = {
  calendarFile: enCalendarFile,
  // Staff pages ship in English; their namespaces start with "staff".
  staffAdmin: enStaffAdmin,
  staffData: enStaffData,
  staffNav: enStaffNav,
  staffSettings: enStaffSettings,
  staffSetup: enStaffSetup,
  staffShell: enStaffShell,
  staffSignIn: enStaffSignIn,
};

export type Messages = typeof en;

// Spanish staff pages are welcome: until a namespace has its own Spanish file, it reads the English one.
const es: Messages = {
  calendarFile: esCalendarFile,
  staffAdmin: enStaffAdmin,
  staffData: enStaffData,
  staffNav: enStaffNav,
  staffSettings: enStaffSettings,
  staffSetup: enStaffSetup,
  staffShell: enStaffShell,
  staffSignIn: enStaffSignIn,
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
