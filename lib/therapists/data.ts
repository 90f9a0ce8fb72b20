import "server-only";
import { z } from "zod";
import type { StaffMember } from "../auth/mutations";
import { getPrisma } from "../db/client";
import type { VisitMode } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { assertMayManageTherapists } from "./access";

export interface TherapistListRow {
  id: string;
  firstName: string;
  lastName: string;
  credentials: string;
  active: boolean;
  photoImageId: string | null;
  locationNames: string[];
  /** The therapist's staff login, if they have one. */
  loginEmail: string | null;
}

export interface TherapistSettings {
  id: string;
  slug: string;
  firstName: string;
  lastName: string;
  credentials: string;
  bioEn: string;
  bioEs: string;
  languages: string[];
  visitModes: VisitMode[];
  active: boolean;
  photoImageId: string | null;
  locationIds: string[];
  serviceIds: string[];
  login: { email: string; active: boolean } | null;
}

export interface TherapistChoices {
  /** Active locations, plus any inactive one the therapist is still linked to. */
  locations: { id: string; name: string; active: boolean }[];
  services: { id: string; name: string; active: boolean }[];
}

/** Every therapist, active first, for the settings list. */
export async function listTherapistSettings(staff: StaffMember): Promise<TherapistListRow[]> {
  assertMayManageTherapists(staff);
  const rows = await getPrisma().therapist.findMany({
    select: {
      id: true,
      firstName: true,
      lastName: true,
      credentials: true,
      active: true,
      photoImageId: true,
      staffUser: { select: { email: true } },
      locations: { select: { location: { select: { name: true } } } },
    },
    orderBy: [{ active: "desc" }, { lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
  });
  return rows.map(({ staffUser, locations, ...t }) => ({
    ...t,
    loginEmail: staffUser?.email ?? null,
    locationNames: locations.map((l) => l.location.name).sort(),
  }));
}

/** One therapist's settings, or NOT_FOUND. */
export async function getTherapistSettings(staff: StaffMember, therapistId: string): Promise<TherapistSettings> {
  assertMayManageTherapists(staff);
  if (!z.guid().safeParse(therapistId).success) throw new AppError("NOT_FOUND", "No such therapist.");
  const row = await getPrisma().therapist.findUnique({
    where: { id: therapistId },
    include: {
      locations: { select: { locationId: true } },
      services: { select: { serviceId: true } },
      staffUser: { select: { email: true, active: true } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", "No such therapist.");
  return {
    id: row.id,
    slug: row.slug,
    firstName: row.firstName,
    lastName: row.lastName,
    credentials: row.credentials,
    bioEn: row.bioEn,
    bioEs: row.bioEs,
    languages: row.languages,
    visitModes: row.visitModes,
    active: row.active,
    photoImageId: row.photoImageId,
    locationIds: row.locations.map((l) => l.locationId),
    serviceIds: row.services.map((s) => s.serviceId),
    login: row.staffUser,
  };
}

/** The locations and services a therapist can be given; `current` keeps inactive ones they still hold visible. */
export async function listTherapistChoices(staff: StaffMember, current: { locationIds: string[]; serviceIds: string[] } = { locationIds: [], serviceIds: [] }): Promise<TherapistChoices> {
  assertMayManageTherapists(staff);
  const prisma = getPrisma();
  const locations = await prisma.location.findMany({
    where: { OR: [{ active: true }, { id: { in: current.locationIds } }] },
    select: { id: true, name: true, active: true },
    orderBy: { name: "asc" },
  });
  const services = await prisma.service.findMany({
    where: { OR: [{ active: true }, { id: { in: current.serviceIds } }] },
    select: { id: true, nameEn: true, active: true },
    orderBy: [{ sortOrder: "asc" }, { nameEn: "asc" }],
  });
  return { locations, services: services.map((s) => ({ id: s.id, name: s.nameEn, active: s.active })) };
}
