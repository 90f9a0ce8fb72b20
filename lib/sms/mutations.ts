import "server-only";
import { recordAudit } from "../audit/mutations";
import { getPrisma } from "../db/client";
import type { Language } from "../db/generated/client";
import type { RequestContext } from "../http/request-context";
import { recordVisitAnswer } from "../visit-answers/mutations";
import type { ReplyIntent } from "./schema";

/** What a reply did, for the answer Stride texts back. */
export type SmsReplyOutcome =
  | { kind: "confirmed" | "change-requested"; visit: { startsAt: Date; timeZone: string; language: Language; clinicPhone: string | null } }
  | { kind: "no-visit" | "other"; clinicPhone: string | null }
  | { kind: "opted-out" | "opted-in" | "provider-answers" };

const PATIENT_BY_TEXT = "patient by text message";

/**
 * Records a reply from a phone number: an opt-out or opt-in for the number,
 * or a confirmation or change request on the next visit a text was sent
 * about to that number (the texts, not the patient records, say which
 * number speaks for which visit: a family may share one phone).
 */
export async function recordSmsReply(from: string, intent: ReplyIntent, ctx: RequestContext): Promise<SmsReplyOutcome> {
  switch (intent) {
    case "provider-answers":
      return { kind: intent };
    case "opt-out":
    case "opt-in":
      return getPrisma().$transaction(async (tx) => {
        if (intent === "opt-out") {
          await tx.$executeRaw`INSERT INTO "SmsOptOut" ("phone", "optedOutAt") VALUES (${from}, ${ctx.now}) ON CONFLICT ("phone") DO NOTHING`;
        } else {
          await tx.smsOptOut.deleteMany({ where: { phone: from } });
        }
        await recordAudit(tx, { actor: "text message sender", action: intent === "opt-out" ? "sms.opt-out" : "sms.opt-in", entity: "SmsOptOut", entityId: from, ipAddress: ctx.ipAddress });
        return { kind: intent === "opt-out" ? ("opted-out" as const) : ("opted-in" as const) };
      });
    case "confirm":
    case "change":
      return getPrisma().$transaction(async (tx) => {
        // Locked, so a reply racing a cancellation or a move sees the visit as it ends up.
        const [visit] = await tx.$queryRaw<
          { id: string; patientId: string; startsAt: Date; language: Language; timeZone: string; phone: string | null; patientConfirmedAt: Date | null; changeRequestedAt: Date | null }[]
        >`
          SELECT a."id", a."patientId", a."startsAt", a."language", l."timeZone", l."phone", a."patientConfirmedAt", a."changeRequestedAt"
            FROM "Appointment" a
            JOIN "Location" l ON l."id" = a."locationId"
           WHERE a."status" = 'BOOKED' AND a."startsAt" > ${ctx.now}
             AND EXISTS (SELECT 1 FROM "Message" m
                          WHERE m."appointmentId" = a."id" AND m."channel" = 'SMS' AND m."recipient" = ${from} AND m."status" = 'SENT')
           ORDER BY a."startsAt"
           LIMIT 1
             FOR UPDATE OF a`;
        if (!visit) return { kind: "no-visit" as const, clinicPhone: await practicePhone(tx) };
        await recordVisitAnswer(
          tx,
          { appointmentId: visit.id, patientId: visit.patientId, current: visit, answer: intent === "confirm" ? "coming" : "change", actor: PATIENT_BY_TEXT },
          ctx,
        );
        return {
          kind: intent === "confirm" ? ("confirmed" as const) : ("change-requested" as const),
          visit: { startsAt: visit.startsAt, timeZone: visit.timeZone, language: visit.language, clinicPhone: visit.phone ?? (await practicePhone(tx)) },
        };
      });
    case "other":
      return { kind: "other", clinicPhone: await practicePhone(getPrisma()) };
  }
}

async function practicePhone(db: Pick<ReturnType<typeof getPrisma>, "practice">): Promise<string | null> {
  const practice = await db.practice.findUnique({ where: { id: 1 }, select: { phone: true } });
  return practice?.phone ?? null;
}
