"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/action-result";
import { staffAction } from "@/lib/actions/staff-action";
import type { StaffRequestContext } from "@/lib/appointments/mutations";
import type { StaffMember } from "@/lib/auth/require-staff";
import { translator } from "@/lib/i18n/catalog";
import {
  createTimeOff,
  createWeeklyHours,
  deleteTimeOff,
  deleteWeeklyHours,
  updateHomeArea,
  updateWeeklyHours,
} from "@/lib/schedules/mutations";
import {
  timeOffDeleteSchema,
  timeOffInputSchema,
  weeklyHoursDeleteSchema,
  weeklyHoursInputSchema,
  weeklyHoursUpdateSchema,
  type HomeAreaInput,
  type TimeOffDelete,
  type TimeOffInput,
  type WeeklyHoursDelete,
  type WeeklyHoursInput,
  type WeeklyHoursUpdate,
} from "@/lib/schedules/schema";
import type { ScheduleChangeResult } from "@/lib/schedules/types";

const ROLES = ["ADMIN", "FRONT_DESK"] as const;

// The mutations take the form's own input and parse it again (with the
// location's country for postal codes): the schemas here answer a bad form
// before the database is asked anything.

export async function addWeeklyHours(input: WeeklyHoursInput): Promise<ActionResult<ScheduleChangeResult>> {
  return scheduleChange(weeklyHoursInputSchema, input, (staff, ctx) => createWeeklyHours(staff, input, ctx));
}

export async function changeWeeklyHours(input: WeeklyHoursUpdate): Promise<ActionResult<ScheduleChangeResult>> {
  return scheduleChange(weeklyHoursUpdateSchema, input, (staff, ctx) => updateWeeklyHours(staff, input, ctx));
}

export async function removeWeeklyHours(input: WeeklyHoursDelete): Promise<ActionResult<ScheduleChangeResult>> {
  return scheduleChange(weeklyHoursDeleteSchema, input, (staff, ctx) => deleteWeeklyHours(staff, input, ctx));
}

export async function addTimeOff(input: TimeOffInput): Promise<ActionResult<ScheduleChangeResult>> {
  return scheduleChange(timeOffInputSchema, input, (staff, ctx) => createTimeOff(staff, input, ctx));
}

export async function removeTimeOff(input: TimeOffDelete): Promise<ActionResult<ScheduleChangeResult>> {
  return scheduleChange(timeOffDeleteSchema, input, (staff, ctx) => deleteTimeOff(staff, input, ctx));
}

const homeAreaTarget = z.object({ locationId: z.uuid({ error: translator("en", "staffSchedules")("chooseLocation") }) });

export async function saveHomeArea(input: HomeAreaInput): Promise<ActionResult<ScheduleChangeResult>> {
  return scheduleChange(homeAreaTarget, input, (staff, ctx) => updateHomeArea(staff, input, ctx));
}

async function scheduleChange(
  schema: z.ZodType,
  input: unknown,
  change: (staff: StaffMember, ctx: StaffRequestContext) => Promise<ScheduleChangeResult>,
): Promise<ActionResult<ScheduleChangeResult>> {
  const result = await staffAction({ roles: [...ROLES], schema, input, run: (staff, _data, ctx) => change(staff, ctx) });
  if (result.ok && result.data.status !== "needs-confirmation") revalidatePath("/staff/schedules");
  return result;
}
