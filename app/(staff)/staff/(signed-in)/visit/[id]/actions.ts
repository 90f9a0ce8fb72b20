"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import type { FormActionState } from "@/lib/actions/action-result";
import { staffAction } from "@/lib/actions/staff-action";
import { assignProgram } from "@/lib/exercise-programs/mutations";
import { assignProgramSchema, type AssignProgramForm } from "@/lib/exercise-programs/schema";

export type HomeProgramState = FormActionState<{ id: string; created: boolean }>;

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** The visit's "Home program" form: the ticked exercises, each with the dose beside it. */
function programInput(appointmentId: string, form: FormData): AssignProgramForm {
  const ticked = form.getAll("exercise").filter((v): v is string => typeof v === "string");
  return {
    appointmentId,
    formId: text(form, "formId"),
    language: text(form, "language") as AssignProgramForm["language"],
    sessionsPerWeek: text(form, "sessionsPerWeek"),
    weeks: text(form, "weeks"),
    items: ticked.map((exerciseId) => ({
      exerciseId,
      sets: text(form, `sets-${exerciseId}`),
      repetitionsMin: text(form, `repetitionsMin-${exerciseId}`),
      repetitionsMax: text(form, `repetitionsMax-${exerciseId}`),
      holdSecondsMin: text(form, `holdSecondsMin-${exerciseId}`),
      holdSecondsMax: text(form, `holdSecondsMax-${exerciseId}`),
      perSide: text(form, `perSide-${exerciseId}`),
    })),
  };
}

export async function assignProgramAction(appointmentId: string, _previous: HomeProgramState, form: FormData): Promise<HomeProgramState> {
  const input = programInput(appointmentId, form);
  // What was sent, to show again: each ticked exercise as exercise-<id>.
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries()) if (typeof value === "string" && name !== "exercise" && !name.startsWith("$")) values[name] = value;
  for (const item of input.items) values[`exercise-${item.exerciseId}`] = "on";
  const result = await staffAction({
    roles: ["THERAPIST", "ADMIN"],
    schema: assignProgramSchema,
    input,
    run: async (staff, _data, ctx) => {
      const given = await assignProgram(staff, input, ctx);
      revalidatePath(`/staff/visit/${appointmentId}`);
      return given;
    },
  });
  // Once given, the form gets a new id: a second program from it is a new program.
  return { result, values: result.ok ? { ...values, formId: randomUUID() } : values };
}
