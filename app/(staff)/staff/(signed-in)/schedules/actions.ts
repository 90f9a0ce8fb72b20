"use server";

import { revalidatePath } from "next/cache";
import { authorizeStaff, type StaffMember } from "@/lib/auth/require-staff";
import type { StaffRequestContext } from "@/lib/appointments/mutations";
import { AppError } from "@/lib/errors/app-error";
import { staffContext } from "@/lib/http/staff-context";
import {
  createTimeOff,
  createWeeklyHours,
  deleteTimeOff,
  deleteWeeklyHours,
  updateHomeArea,
  updateWeeklyHours,
} from "@/lib/schedules/mutations";
import type { HomeAreaInput, TimeOffDelete, TimeOffInput, WeeklyHoursDelete, WeeklyHoursInput, WeeklyHoursUpdate } from "@/lib/schedules/schema";
import type { ScheduleChangeResult } from "@/lib/schedules/types";
import type { ScheduleActionResult } from "./action-result";

// Inputs are typed for the forms' sake only: every mutation parses its input
// with zod and checks the staff member's role again.

export async function addWeeklyHours(input: WeeklyHoursInput): Promise<ScheduleActionResult> {
  return runChange((staff, ctx) => createWeeklyHours(staff, input, ctx));
}

export async function changeWeeklyHours(input: WeeklyHoursUpdate): Promise<ScheduleActionResult> {
  return runChange((staff, ctx) => updateWeeklyHours(staff, input, ctx));
}

export async function removeWeeklyHours(input: WeeklyHoursDelete): Promise<ScheduleActionResult> {
  return runChange((staff, ctx) => deleteWeeklyHours(staff, input, ctx));
}

export async function addTimeOff(input: TimeOffInput): Promise<ScheduleActionResult> {
  return runChange((staff, ctx) => createTimeOff(staff, input, ctx));
}

export async function removeTimeOff(input: TimeOffDelete): Promise<ScheduleActionResult> {
  return runChange((staff, ctx) => deleteTimeOff(staff, input, ctx));
}

export async function saveHomeArea(input: HomeAreaInput): Promise<ScheduleActionResult> {
  return runChange(async (staff, ctx) => {
    await updateHomeArea(staff, input, ctx);
    return { status: "saved", id: input.locationId, stranded: [] };
  });
}

async function runChange(change: (staff: StaffMember, ctx: StaffRequestContext) => Promise<ScheduleChangeResult>): Promise<ScheduleActionResult> {
  try {
    const staff = await authorizeStaff("ADMIN", "FRONT_DESK");
    const result = await change(staff, await staffContext());
    if (result.status === "needs-confirmation") return result;
    revalidatePath("/staff/schedules");
    return { status: "saved", stranded: result.stranded };
  } catch (error) {
    if (error instanceof AppError) return { status: "invalid", message: error.message, fields: error.fields ?? {} };
    throw error;
  }
}
