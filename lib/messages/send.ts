import "server-only";
import type { Transporter } from "nodemailer";
import { getPrisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { mailFrom, mailTransport } from "../mail/transport";
import { defaultPhoneRegion, toE164 } from "../phone/e164";
import { FALLBACK_PRACTICE_NAME } from "../practice/data";
import { configuredSmsProvider } from "../sms/config";
import { SmsSendError, type SmsProvider } from "../sms/provider";
import { isMessageKind, type Composers, type Sender } from "./kinds";
import { MAX_SEND_ATTEMPTS } from "./mutations";

export type SendOutcome = "sent" | "skipped" | "failed" | "retry" | "not-queued";

/** An SMTP answer in the 5xx range will not change on a retry; the SMS provider says for itself. */
function isPermanent(error: unknown): boolean {
  if (error instanceof SmsSendError) return error.permanent;
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 500);
}

/** A number that answered STOP gets no more texts, until it answers START. */
async function optedOutReason(tx: Prisma.TransactionClient, phone: string): Promise<string | null> {
  const optOut = await tx.smsOptOut.findUnique({ where: { phone } });
  return optOut ? `This number answered STOP on ${optOut.optedOutAt.toISOString().slice(0, 10)}: Stride sends it no text messages.` : null;
}

/**
 * Sends one queued message, at most once in effect:
 * - The row is claimed with FOR UPDATE SKIP LOCKED and stays locked while the
 *   mail is handed over, so a second worker given the same job skips it, and
 *   a row already sent is never picked again.
 * - What it says is composed now, from the state of things now: a kind whose
 *   reason went away (a cancelled visit's reminder) is recorded as skipped.
 * - A failure that may pass (no connection, a 4xx answer) is recorded and
 *   retried by the queue with backoff; a 5xx answer, or the last attempt, marks it failed.
 * The window that remains: a crash after the mail server accepted the message
 * and before the row's commit leaves it queued, so it is sent again. Both
 * copies carry the same Message-ID, which lets mail clients fold them. A text
 * has no such id (Twilio's API takes no idempotency key): the patient may get
 * the same text twice.
 */
export async function sendMessage(
  messageId: string,
  composers: Composers,
  transport?: Transporter,
  sms: SmsProvider | null = configuredSmsProvider(),
): Promise<SendOutcome> {
  const outcome = await getPrisma().$transaction(
    async (tx) => {
      const claimed = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "Message" WHERE "id" = ${messageId}::uuid AND "status" = 'QUEUED' FOR UPDATE SKIP LOCKED`;
      if (claimed.length === 0) return "not-queued" as const;
      const message = await tx.message.findUniqueOrThrow({ where: { id: messageId } });
      if (!isMessageKind(message.kind)) {
        await tx.message.update({ where: { id: messageId }, data: { status: "FAILED", lastError: `Unknown kind of message "${message.kind}"` } });
        return "failed" as const;
      }
      const practice = await tx.practice.findUnique({ where: { id: 1 } });
      const sender: Sender = {
        practiceName: practice?.name ?? FALLBACK_PRACTICE_NAME,
        phone: practice?.phone ?? null,
        email: practice?.email ?? null,
        address: practice?.address ?? null,
        cancellationPolicy: { en: practice?.cancellationPolicyEn ?? null, es: practice?.cancellationPolicyEs ?? null },
      };
      const composed = await composers[message.kind](tx, message, sender);
      if ("skip" in composed) {
        await tx.message.update({ where: { id: messageId }, data: { status: "SKIPPED", lastError: composed.skip } });
        return "skipped" as const;
      }
      const email = "html" in composed ? composed : null;
      if ((message.channel === "EMAIL") !== (email !== null)) {
        await tx.message.update({ where: { id: messageId }, data: { status: "FAILED", lastError: `A "${message.kind}" message cannot be sent by ${message.channel === "SMS" ? "text" : "email"}.` } });
        return "failed" as const;
      }
      // A number stored before numbers were kept in E.164 is read as one, so its opt-out is found.
      const textTo = email ? composed.to : (toE164(composed.to, defaultPhoneRegion()) ?? composed.to);
      if (message.channel === "SMS") {
        // Text messages use the same claim, retry and failure rules; only the hand-over differs.
        const skip = sms === null ? "Text messages are off: Twilio is not configured." : await optedOutReason(tx, textTo);
        if (skip) {
          await tx.message.update({ where: { id: messageId }, data: { status: "SKIPPED", lastError: skip } });
          return "skipped" as const;
        }
      }
      const attempts = message.attempts + 1;
      const subject = email?.subject ?? null;
      try {
        if (!email) {
          const { providerMessageId } = await sms!.send(textTo, composed.text);
          await tx.message.update({ where: { id: messageId }, data: { status: "SENT", sentAt: new Date(), attempts, providerMessageId, lastError: null } });
          return "sent" as const;
        }
        const info = await (transport ?? mailTransport()).sendMail({
          from: mailFrom(sender.practiceName),
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          attachments: email.attachments,
          messageId: `<${message.id}@stride.message>`,
        });
        await tx.message.update({
          where: { id: messageId },
          data: { status: "SENT", sentAt: new Date(), attempts, recipient: email.to, subject, providerMessageId: info.messageId ?? null, lastError: null },
        });
        return "sent" as const;
      } catch (error) {
        const final = isPermanent(error) || attempts >= MAX_SEND_ATTEMPTS;
        await tx.message.update({ where: { id: messageId }, data: { status: final ? "FAILED" : "QUEUED", attempts, subject, lastError: describe(error) } });
        return final ? ("failed" as const) : ("retry" as const);
      }
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  return outcome;
}
