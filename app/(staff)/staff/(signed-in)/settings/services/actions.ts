"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/action-result";
import { staffAction } from "@/lib/actions/staff-action";
import type { ScheduleChangeResult } from "@/lib/schedules/types";
import { createService, moveService, updateService } from "@/lib/services/mutations";
import {
  serviceFormSchema,
  serviceMoveSchema,
  serviceUpdateSchema,
  type ServiceCreateInput,
  type ServiceMoveInput,
  type ServiceUpdateInput,
} from "@/lib/services/schema";

const LIST = "/staff/settings/services";

// The mutations take the form's own input and parse it again: the schemas
// here answer a bad form before the database is asked anything.

export async function addServiceAction(input: ServiceCreateInput): Promise<ActionResult<ScheduleChangeResult>> {
  return staffAction({
    roles: ["ADMIN"],
    schema: serviceFormSchema,
    input,
    run: async (staff, _data, ctx) => {
      const created = await createService(staff, input, ctx);
      revalidatePath(LIST);
      return { status: "saved", id: created.id, stranded: [] };
    },
  });
}

export async function changeServiceAction(input: ServiceUpdateInput): Promise<ActionResult<ScheduleChangeResult>> {
  return staffAction({
    roles: ["ADMIN"],
    schema: serviceUpdateSchema,
    input,
    run: async (staff, _data, ctx) => {
      const result = await updateService(staff, input, ctx);
      if (result.status === "saved") {
        revalidatePath(LIST);
        revalidatePath(`${LIST}/${result.id}`);
      }
      return result;
    },
  });
}

export async function moveServiceAction(input: ServiceMoveInput): Promise<ActionResult<{ id: string; position: number }>> {
  return staffAction({
    roles: ["ADMIN"],
    schema: serviceMoveSchema,
    input,
    run: async (staff, _data, ctx) => {
      const moved = await moveService(staff, input, ctx);
      revalidatePath(LIST);
      return moved;
    },
  });
}
