import "server-only";
import { z } from "zod";
import { SEND_MESSAGE_TASK } from "../messages/mutations";
import { sendMessage } from "../messages/send";
import { COMPOSERS } from "./registry";

class RetryLater extends Error {}

const payloadSchema = z.object({ messageId: z.uuid() });

/** The queue's tasks for messages. A passing failure is thrown after its row was committed, so the queue retries. */
export const messageTasks = {
  [SEND_MESSAGE_TASK]: async (payload: unknown) => {
    const { messageId } = payloadSchema.parse(payload);
    const outcome = await sendMessage(messageId, COMPOSERS);
    if (outcome === "retry") throw new RetryLater(`Message ${messageId} could not be sent yet; it will be tried again.`);
  },
};
