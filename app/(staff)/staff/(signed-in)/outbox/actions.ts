"use server";

import { revalidatePath } from "next/cache";
import type { FormActionState } from "@/lib/actions/action-result";
import { formText, staffAction } from "@/lib/actions/staff-action";
import { queueTestMessage } from "@/lib/messages/mutations";
import { testMessageSchema, type TestMessageForm } from "@/lib/messages/schema";

const FIELDS = ["channel", "recipient", "language", "formId"] as const;

export type TestMessageState = FormActionState<{ channel: "EMAIL" | "SMS"; recipient: string; queued: boolean }>;

export async function sendTestMessageAction(_previous: TestMessageState, form: FormData): Promise<TestMessageState> {
  const values = formText(form, FIELDS);
  const result = await staffAction({
    roles: ["ADMIN"],
    schema: testMessageSchema,
    input: values,
    run: async (staff, data, ctx) => {
      const { queued } = await queueTestMessage(staff, values as TestMessageForm, ctx);
      revalidatePath("/staff/outbox");
      return { channel: data.channel, recipient: data.recipient, queued };
    },
  });
  return { result, values };
}
