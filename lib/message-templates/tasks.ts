import "server-only";
import { z } from "zod";
import { SEND_MESSAGE_TASK } from "../messages/mutations";
import { sendMessage } from "../messages/send";
import { queueDueReminders, REMINDER_SWEEP_TASK } from "../reminders/mutations";
import { COMPOSERS } from "./registry";

class RetryLater extends Error {}

const payloadSchema = z.object({ messageId: z.uuid() });

/**
 * The queue's tasks for messages. A passing failure is thrown after its row
 * was committed, so the queue retries. The reminder sweep runs from the
 * worker's crontab (REMINDER_CRONTAB), once per tick across all workers.
 */
export const messageTasks = {
  [REMINDER_SWEEP_TASK]: async () => {
    await queueDueReminders(new Date());
  },
  [SEND_MESSAGE_TASK]: async (payload: unknown) => {
    const { messageId } = payloadSchema.parse(payload);
    const outcome = await sendMessage(messageId, COMPOSERS);
    if (outcome === "retry") throw new RetryLater(`Message ${messageId} could not be sent yet; it will be tried again.`);
  },
};
