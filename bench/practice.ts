// The busy three-city practice the benchmark runs against. Names and
// addresses are made up; hours and services mirror the demo clinic.

import type { PaymentRule, VisitMode } from "../lib/db/generated/enums";
import { DEMO_SERVICES } from "../lib/demo/demo-practice";

export interface LocationSpec {
  slug: string;
  name: string;
  addressLine1: string;
  city: string;
  region: string;
  postalCode: string;
  timeZone: string;
}

export interface RoomSpec {
  name: string;
  capacity: number;
}

export interface ServiceSpec {
  slug: string;
  nameEn: string;
  nameEs: string;
  durationMinutes: number;
  priceCents: number;
  visitModes: VisitMode[];
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  cancelCutoffMinutes: number;
  newPatientsOnly: boolean;
  sortOrder: number;
  paymentRule: PaymentRule;
  depositCents?: number | null;
  depositPercent: number | null;
}

/** A recurring block of working hours, whole local hours. */
export interface ShiftSpec {
  weekdays: number[];
  startHour: number;
  endHour: number;
}

export interface TherapistPattern {
  shifts: ShiftSpec[];
  services: string[];
}

export const LOCATIONS: LocationSpec[] = [
  {
    slug: "denver-highlands",
    name: "Stride PT: Denver Highlands",
    addressLine1: "3300 W 32nd Ave",
    city: "Denver",
    region: "CO",
    postalCode: "80211",
    timeZone: "America/Denver",
  },
  {
    slug: "chicago-west-loop",
    name: "Stride PT: Chicago West Loop",
    addressLine1: "1000 W Randolph St",
    city: "Chicago",
    region: "IL",
    postalCode: "60607",
    timeZone: "America/Chicago",
  },
  {
    slug: "brooklyn-heights",
    name: "Stride PT: Brooklyn Heights",
    addressLine1: "150 Court St",
    city: "Brooklyn",
    region: "NY",
    postalCode: "11201",
    timeZone: "America/New_York",
  },
];

/**
 * The location the staff week-view phases read: twelve therapists in one
 * building, seeded for the current week only (bench/seed.ts says why).
 * Arizona keeps no daylight saving time, so every run's week has seven
 * 24-hour days.
 *
 * The public-API phases must not see it, or their figures would change with
 * this phase's arrival and with the weekday: its therapists do not offer
 * THERAPY_SESSION_SLUG, the only service those phases search, and it has no
 * rooms, whose bookings the availability search would otherwise load.
 */
export const BUSY_LOCATION: LocationSpec = {
  slug: "phoenix-camelback",
  name: "Stride PT: Phoenix Camelback",
  addressLine1: "2400 E Camelback Rd",
  city: "Phoenix",
  region: "AZ",
  postalCode: "85016",
  timeZone: "America/Phoenix",
};

export const BUSY_THERAPIST_COUNT = 12;

/** Visits the busy location's week holds, about. */
export const BUSY_WEEK_VISITS = 500;

// Total capacity (6) exceeds the 4 therapists per location, so rooms never
// limit the seeded schedule; therapist k always uses room k.
export const ROOMS: RoomSpec[] = [
  { name: "Treatment room 1", capacity: 1 },
  { name: "Treatment room 2", capacity: 1 },
  { name: "Treatment room 3", capacity: 1 },
  { name: "Exercise floor", capacity: 3 },
];

// Every service books at once, as a practice without online payment does: the
// load phases measure the booking path itself. The paid path's phase gives the
// therapy session its demo payment rule back (DEMO_PAYMENT) when it starts.
export const SERVICES: ServiceSpec[] = DEMO_SERVICES.map((service) => ({
  bufferBeforeMinutes: 0,
  ...service,
  paymentRule: "NONE",
  depositCents: null,
  depositPercent: null,
}));

/** The demo's own payment terms for a service, as the paid path's phase restores them. */
export function demoPayment(slug: string): { paymentRule: PaymentRule; depositCents: number | null; depositPercent: number | null } {
  const demo: { paymentRule: PaymentRule; depositCents?: number | null; depositPercent: number | null } | undefined = DEMO_SERVICES.find((s) => s.slug === slug);
  if (!demo) throw new Error(`No demo service ${slug}`);
  return { paymentRule: demo.paymentRule, depositCents: demo.depositCents ?? null, depositPercent: demo.depositPercent };
}

export const THERAPY_SESSION_SLUG = "therapy-session";

/** Share of seeded visits that use each service. */
export const SEED_WEIGHTS: Record<string, number> = {
  "free-screening": 0.1,
  "therapy-session": 0.6,
  "graston-technique": 0.15,
  "exercise-program-review": 0.15,
};

const WEEKDAYS = [1, 2, 3, 4, 5];
const ALL_SERVICES = SERVICES.map((s) => s.slug);

/** Therapist k at every location follows pattern k (k mod 4 at the busy location). */
export const THERAPIST_PATTERNS: TherapistPattern[] = [
  {
    shifts: [
      { weekdays: WEEKDAYS, startHour: 8, endHour: 12 },
      { weekdays: WEEKDAYS, startHour: 13, endHour: 17 },
      { weekdays: [6], startHour: 8, endHour: 12 },
    ],
    services: ALL_SERVICES,
  },
  {
    shifts: [
      { weekdays: WEEKDAYS, startHour: 8, endHour: 12 },
      { weekdays: WEEKDAYS, startHour: 13, endHour: 17 },
    ],
    services: ALL_SERVICES,
  },
  {
    shifts: [
      { weekdays: WEEKDAYS, startHour: 8, endHour: 12 },
      { weekdays: WEEKDAYS, startHour: 13, endHour: 17 },
      { weekdays: [6], startHour: 9, endHour: 12 },
    ],
    services: ALL_SERVICES,
  },
  {
    // Not Graston-certified, and off on Friday afternoons.
    shifts: [
      { weekdays: WEEKDAYS, startHour: 8, endHour: 12 },
      { weekdays: [1, 2, 3, 4], startHour: 13, endHour: 17 },
    ],
    services: ALL_SERVICES.filter((s) => s !== "graston-technique"),
  },
];

export const FIRST_NAMES = [
  "Jordan", "Sofía", "Priya", "Marcus", "Elena", "Tom", "Aisha", "Diego", "Hannah", "Kenji",
  "Lucía", "Noah", "Olivia", "Rafael", "Grace", "Samuel", "Mei", "Andrés", "Chloe", "Isaac",
];

export const LAST_NAMES = [
  "Mills", "Herrera", "Nair", "Lee", "Vargas", "Brennan", "Okafor", "Ramírez", "Schmidt", "Tanaka",
  "García", "Kowalski", "Nguyen", "Silva", "O'Brien", "Cohen", "Chen", "Morales", "Dubois", "Patel",
];
