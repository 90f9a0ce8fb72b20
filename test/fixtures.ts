// Test data built through Prisma, each call with unique slugs so that test
// files own their rows and never depend on the demo seed.
import { randomUUID } from "node:crypto";
import { getPrisma } from "../lib/db/client";
import type { VisitMode } from "../lib/db/generated/client";

export function uniq(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export interface PracticeOptions {
  timeZone?: string;
  therapists?: number;
  rooms?: { name: string; capacity: number }[];
  homePostalCodes?: string[];
  /** Weekly hours for every therapist: every day 08:00–18:00 by default. */
  hours?: { weekdays: number[]; startMinute: number; endMinute: number; visitModes: VisitMode[] }[];
  service?: Partial<{
    durationMinutes: number;
    bufferBeforeMinutes: number;
    bufferAfterMinutes: number;
    minNoticeMinutes: number;
    horizonDays: number;
    cancelCutoffMinutes: number;
    newPatientsOnly: boolean;
    visitModes: VisitMode[];
  }>;
}

export async function createPractice(options: PracticeOptions = {}) {
  const prisma = getPrisma();
  const location = await prisma.location.create({
    data: {
      slug: uniq("loc"),
      name: uniq("Clinic"),
      addressLine1: "1 Test Way",
      city: "Testville",
      region: "TX",
      postalCode: "79912",
      timeZone: options.timeZone ?? "America/Chicago",
      homePostalCodes: options.homePostalCodes ?? ["79912"],
      rooms: { create: options.rooms ?? [] },
    },
    include: { rooms: true },
  });
  const service = await prisma.service.create({
    data: {
      slug: uniq("svc"),
      nameEn: "Therapy",
      nameEs: "Terapia",
      durationMinutes: 45,
      bufferAfterMinutes: 15,
      minNoticeMinutes: 60,
      horizonDays: 60,
      cancelCutoffMinutes: 120,
      visitModes: ["CLINIC", "HOME"],
      ...options.service,
    },
  });
  const hours = options.hours ?? [{ weekdays: [1, 2, 3, 4, 5, 6, 7], startMinute: 8 * 60, endMinute: 18 * 60, visitModes: ["CLINIC", "HOME"] as VisitMode[] }];
  const therapists = [];
  for (let i = 0; i < (options.therapists ?? 1); i++) {
    therapists.push(
      await prisma.therapist.create({
        data: {
          slug: uniq("t"),
          firstName: `Therapist${i}`,
          lastName: "Test",
          credentials: "PT",
          visitModes: ["CLINIC", "HOME", "VIDEO"],
          locations: { create: [{ locationId: location.id }] },
          services: { create: [{ serviceId: service.id }] },
          weeklyHours: {
            create: hours.flatMap((h) =>
              h.weekdays.map((weekday) => ({
                locationId: location.id,
                weekday,
                startMinute: h.startMinute,
                endMinute: h.endMinute,
                visitModes: h.visitModes,
              })),
            ),
          },
        },
      }),
    );
  }
  return { location, service, therapists };
}

export function patientInput(overrides: Partial<{ firstName: string; email: string; dateOfBirth: string; address: { line1: string; city: string; postalCode: string } }> = {}) {
  const name = overrides.firstName ?? uniq("Pat");
  return {
    firstName: name,
    lastName: "Tester",
    email: overrides.email ?? `${name.toLowerCase()}@example.com`,
    phone: "+19155550100",
    dateOfBirth: overrides.dateOfBirth ?? "1990-04-12",
    ...(overrides.address ? { address: overrides.address } : {}),
  };
}

/** A staff member as lib/auth hands it to domain code, backed by a real StaffUser row. */
export async function createStaffMember(role: "ADMIN" | "FRONT_DESK" | "THERAPIST", therapistId: string | null = null) {
  const email = `${uniq(role.toLowerCase())}@clinic.test`;
  const user = await getPrisma().staffUser.create({
    data: { email, name: `${role} Tester`, role, passwordHash: "not-used-in-tests", therapistId },
  });
  return { id: user.id, name: user.name, email, role, therapistId, sessionId: "00000000-0000-4000-8000-000000000000" } as const;
}
