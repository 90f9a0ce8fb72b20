"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/action-result";
import { staffAction } from "@/lib/actions/staff-action";
import { createLocation, createRoom, updateLocation, updateRoom } from "@/lib/locations/mutations";
import {
  locationCreateSchema,
  locationUpdateSchema,
  roomCreateSchema,
  roomUpdateSchema,
  type LocationCreateInput,
  type LocationUpdateInput,
  type RoomCreateInput,
  type RoomUpdateInput,
} from "@/lib/locations/schema";
import { updateHomeArea } from "@/lib/schedules/mutations";
import type { HomeAreaInput } from "@/lib/schedules/schema";
import type { ScheduleChangeResult } from "@/lib/schedules/types";

const LIST = "/staff/settings/locations";

// The mutations take the form's own input and parse it again: the schemas
// here answer a bad form before the database is asked anything.

export async function addLocation(input: LocationCreateInput): Promise<ActionResult<{ id: string }>> {
  return staffAction({
    roles: ["ADMIN"],
    schema: locationCreateSchema,
    input,
    run: async (staff, _data, ctx) => {
      const created = await createLocation(staff, input, ctx);
      revalidatePath(LIST);
      return { id: created.id };
    },
  });
}

export async function changeLocation(input: LocationUpdateInput): Promise<ActionResult<ScheduleChangeResult>> {
  return settled(
    await staffAction({ roles: ["ADMIN"], schema: locationUpdateSchema, input, run: (staff, _data, ctx) => updateLocation(staff, input, ctx) }),
    input.id,
  );
}

const homeAreaTarget = z.object({ locationId: z.uuid({ error: "Choose a location." }) });

/** The schedules page's home-area change, for administrators from the location's own page. */
export async function saveLocationHomeArea(input: HomeAreaInput): Promise<ActionResult<ScheduleChangeResult>> {
  return settled(
    await staffAction({ roles: ["ADMIN"], schema: homeAreaTarget, input, run: (staff, _data, ctx) => updateHomeArea(staff, input, ctx) }),
    input.locationId,
  );
}

export async function addRoom(input: RoomCreateInput): Promise<ActionResult<{ id: string }>> {
  return staffAction({
    roles: ["ADMIN"],
    schema: roomCreateSchema,
    input,
    run: async (staff, _data, ctx) => {
      const created = await createRoom(staff, input, ctx);
      revalidatePath(`${LIST}/${input.locationId}`);
      return created;
    },
  });
}

export async function changeRoom(input: RoomUpdateInput & { locationId: string }): Promise<ActionResult<ScheduleChangeResult>> {
  const { locationId, ...room } = input;
  return settled(
    await staffAction({ roles: ["ADMIN"], schema: roomUpdateSchema, input: room, run: (staff, _data, ctx) => updateRoom(staff, room, ctx) }),
    locationId,
  );
}

function settled(result: ActionResult<ScheduleChangeResult>, locationId: string): ActionResult<ScheduleChangeResult> {
  if (result.ok && result.data.status === "saved") {
    revalidatePath(LIST);
    revalidatePath(`${LIST}/${locationId}`);
  }
  return result;
}
