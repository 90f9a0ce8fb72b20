import "server-only";
import type { RequestContext } from "../http/request-context";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/require-staff";
import { getPrisma } from "../db/client";
import type { Language, MessageChannel, Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { enqueueJob } from "../jobs/queue";
import { smsEnabled } from "../sms/config";
import type { MessageKind } from "./kinds";
import { testMessageSchema, type TestMessageForm } from "./schema";

export const SEND_MESSAGE_TASK = "send-message";

export interface MessageRequest {
  kind: MessageKind;
  channel: MessageChannel;
  recipient: string;
  language: Language;
  /** One message per purpose; a second request with the same key queues nothing. */
  dedupeKey: string;
  sendAfter: Date;
  appointmentId?: string | null;
  requestedById?: string | null;
}

/**
 * Queues a message inside the caller's transaction: the outbox row and its
 * job commit with the change that called for them, or neither exists. Answers
 * the new row's id, or null when the same purpose was queued before.
 */
export async function queueMessage(tx: Prisma.TransactionClient, request: MessageRequest): Promise<string | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Message" ("kind", "channel", "recipient", "language", "dedupeKey", "sendAfter", "appointmentId", "requestedById", "updatedAt")
    VALUES (${request.kind}, ${request.channel}::"MessageChannel", ${request.recipient}, ${request.language}::"Language", ${request.dedupeKey},
            ${request.sendAfter}, ${request.appointmentId ?? null}::uuid, ${request.requestedById ?? null}::uuid, now())
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING "id"`;
  const id = rows[0]?.id;
  if (!id) return null;
  await enqueueJob(tx, SEND_MESSAGE_TASK, { messageId: id }, { runAt: request.sendAfter, jobKey: `message:${id}`, maxAttempts: MAX_SEND_ATTEMPTS });
  return id;
}

/**
 * Queues an email to a visit's patient about that visit, in the visit's
 * language, inside the caller's transaction. The address and every word are
 * read again when it is sent.
 */
export async function queueVisitEmail(
  tx: Prisma.TransactionClient,
  args: { kind: MessageKind; appointmentId: string; dedupeKey: string; sendAfter: Date; requestedById?: string | null },
): Promise<string | null> {
  const visit = await tx.appointment.findUniqueOrThrow({ where: { id: args.appointmentId }, select: { language: true, patient: { select: { email: true } } } });
  return queueMessage(tx, {
    kind: args.kind,
    channel: "EMAIL",
    recipient: visit.patient.email,
    language: visit.language,
    dedupeKey: args.dedupeKey,
    sendAfter: args.sendAfter,
    appointmentId: args.appointmentId,
    requestedById: args.requestedById,
  });
}

/** Tries before a message that keeps failing for passing reasons is marked failed. */
export const MAX_SEND_ATTEMPTS = 8;

/** An administrator checks the mail or text set-up: one test message, once per form shown. */
export async function queueTestMessage(staff: StaffMember, input: TestMessageForm, ctx: RequestContext): Promise<{ queued: boolean }> {
  if (staff.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only administrators may send test messages.");
  const data = testMessageSchema.parse(input);
  if (data.channel === "SMS" && !smsEnabled()) throw new AppError("NOT_FOUND", "Text messages are off: set Twilio up first (docs/text-messages.md).");
  return getPrisma().$transaction(async (tx) => {
    const id = await queueMessage(tx, {
      kind: "test",
      channel: data.channel,
      recipient: data.recipient,
      language: data.language,
      dedupeKey: `test:${data.formId}`,
      sendAfter: ctx.now,
      requestedById: staff.id,
    });
    if (id) await recordAudit(tx, { staffUserId: staff.id, actor: staff.email, action: "message.test", entity: "Message", entityId: id, ipAddress: ctx.ipAddress });
    return { queued: id !== null };
  });
}
