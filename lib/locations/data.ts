import "server-only";
import type { StaffMember } from "../auth/mutations";
import { getPrisma } from "../db/client";
import { assertMayManageLocations } from "./access";

export interface LocationSummary {
  id: string;
  name: string;
  city: string;
  region: string;
  timeZone: string;
  active: boolean;
  rooms: number;
  activeRooms: number;
}

export interface RoomSettings {
  id: string;
  name: string;
  capacity: number;
  active: boolean;
}

export interface LocationSettings {
  id: string;
  slug: string;
  name: string;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  timeZone: string;
  phone: string | null;
  homePostalCodes: string[];
  homeTravelMinutes: number;
  active: boolean;
  /** Active rooms first, then by name. */
  rooms: RoomSettings[];
}

/** Every location, active and not, for the settings list. */
export async function listLocationSettings(staff: StaffMember): Promise<LocationSummary[]> {
  assertMayManageLocations(staff);
  const rows = await getPrisma().location.findMany({
    select: { id: true, name: true, city: true, region: true, timeZone: true, active: true, rooms: { select: { active: true } } },
    orderBy: [{ active: "desc" }, { name: "asc" }, { id: "asc" }],
  });
  return rows.map(({ rooms, ...row }) => ({ ...row, rooms: rooms.length, activeRooms: rooms.filter((r) => r.active).length }));
}

/** One location with its rooms, or null when there is none with that id. */
export async function findLocationSettings(staff: StaffMember, id: string): Promise<LocationSettings | null> {
  assertMayManageLocations(staff);
  return getPrisma().location.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      name: true,
      addressLine1: true,
      addressLine2: true,
      city: true,
      region: true,
      postalCode: true,
      country: true,
      timeZone: true,
      phone: true,
      homePostalCodes: true,
      homeTravelMinutes: true,
      active: true,
      rooms: { select: { id: true, name: true, capacity: true, active: true }, orderBy: [{ active: "desc" }, { name: "asc" }, { id: "asc" }] },
    },
  });
}
