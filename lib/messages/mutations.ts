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
import { maskAddress } from "./mask-address";
import { resendLinksSchema, testMessageSchema, type ResendLinksForm, type TestMessageForm } from "./schema";

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

/**
 * The front desk sends a patient their visit's links again (a patient who
 * lost the confirmation has no other way back to them: only hashes are
 * stored). Once per click: the form's id is in the key. Only for a visit that
 * is booked and still to come; answers the address it goes to, masked.
 */
export async function resendVisitLinks(staff: StaffMember, input: ResendLinksForm, ctx: RequestContext): Promise<{ queued: boolean; recipient: string }> {
  if (staff.role !== "ADMIN" && staff.role !== "FRONT_DESK") throw new AppError("FORBIDDEN", "Only the front desk and administrators resend a visit's links.");
  const data = resendLinksSchema.parse(input);
  return getPrisma().$transaction(async (tx) => {
    // Locked so a cancellation at the same moment is seen or waits: no links go out for a visit cancelled first.
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Appointment" WHERE "id" = ${data.appointmentId}::uuid FOR SHARE`;
    if (rows.length === 0) throw new AppError("NOT_FOUND", "No such appointment.");
    const visit = await tx.appointment.findUniqueOrThrow({ where: { id: data.appointmentId }, select: { status: true, startsAt: true, patientId: true, patient: { select: { email: true } } } });
    if (visit.status !== "BOOKED" || visit.startsAt.getTime() <= ctx.now.getTime()) {
      throw new AppError("INVALID_TRANSITION", "Links are sent again only for booked visits still to come; this visit is " + (visit.status === "BOOKED" ? "in the past" : visit.status.toLowerCase().replace("_", " ")) + ".");
    }
    if (!visit.patient.email) throw new AppError("INVALID_TRANSITION", "This patient has no email address to send the links to. Add one on their profile first.");
    const id = await queueVisitEmail(tx, { kind: "links", appointmentId: data.appointmentId, dedupeKey: `links:${data.appointmentId}:${data.formId}`, sendAfter: ctx.now, requestedById: staff.id });
    if (id) {
      await recordAudit(tx, {
        staffUserId: staff.id,
        actor: staff.email,
        action: "message.resend",
        entity: "Appointment",
        entityId: data.appointmentId,
        patientId: visit.patientId,
        ipAddress: ctx.ipAddress,
        detail: { messageId: id },
      });
    }
    return { queued: id !== null, recipient: maskAddress(visit.patient.email) };
  });
}
