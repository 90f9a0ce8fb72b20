import "server-only";
import { simpleParser } from "mailparser";
import type { StaffMember } from "../auth/require-staff";
import { recordAudit } from "../audit/mutations";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import type { RequestContext } from "../http/request-context";
import type { Prisma } from "../db/generated/client";

export interface OutboxRow {
  id: string;
  kind: string;
  channel: "EMAIL" | "SMS";
  recipient: string;
  status: "FAILED" | "QUEUED" | "SKIPPED" | "SENT";
  subject: string | null;
  attempts: number;
  lastError: string | null;
  queuedAt: Date;
  sendAfter: Date;
  sentAt: Date | null;
}

/** How many messages the outbox shows; failures come first, then the newest. */
export const OUTBOX_ROWS = 200;

function assertAdmin(staff: StaffMember) {
  if (staff.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only administrators may read the outbox.");
}

/** The practice's messages, failures first, and who they concern, audited as one read. */
export async function loadOutbox(staff: StaffMember, ctx: RequestContext): Promise<OutboxRow[]> {
  assertAdmin(staff);
  return getPrisma().$transaction(async (tx) => {
    const failed = await tx.message.findMany({ where: { status: "FAILED" }, orderBy: { queuedAt: "desc" }, take: OUTBOX_ROWS, include: { appointment: { select: { patientId: true } } } });
    const rest = await tx.message.findMany({
      where: { status: { not: "FAILED" } },
      orderBy: { queuedAt: "desc" },
      take: OUTBOX_ROWS - failed.length,
      include: { appointment: { select: { patientId: true } } },
    });
    const rows = [...failed, ...rest];
    await recordAudit(tx, {
      staffUserId: staff.id,
      actor: staff.email,
      action: "outbox.view",
      entity: "Message",
      entityId: "outbox",
      patientIds: rows.flatMap((r) => (r.appointment ? [r.appointment.patientId] : [])),
      ipAddress: ctx.ipAddress,
      detail: { shown: rows.length },
    });
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      channel: r.channel,
      recipient: r.recipient,
      status: r.status,
      subject: r.subject,
      attempts: r.attempts,
      lastError: r.lastError,
      queuedAt: r.queuedAt,
      sendAfter: r.sendAfter,
      sentAt: r.sentAt,
    }));
  });
}

export interface CaughtMailRow {
  id: string;
  receivedAt: Date;
  rcptTo: string[];
  subject: string;
}

/** The newest mail the built-in catcher received. */
export async function listCaughtMail(staff: StaffMember, take = 50): Promise<CaughtMailRow[]> {
  assertAdmin(staff);
  return getPrisma().caughtMail.findMany({ orderBy: { receivedAt: "desc" }, take, select: { id: true, receivedAt: true, rcptTo: true, subject: true } });
}

export interface CaughtMailDetail extends CaughtMailRow {
  mailFrom: string;
  text: string;
  html: string | null;
  attachments: { filename: string; contentType: string; size: number }[];
}

/** One caught email as it arrived, with its attachments listed; audited. */
export async function readCaughtMail(staff: StaffMember, id: string, ctx: RequestContext): Promise<CaughtMailDetail | null> {
  assertAdmin(staff);
  return getPrisma().$transaction(async (tx) => {
    const mail = await tx.caughtMail.findUnique({ where: { id } });
    if (!mail) return null;
    await recordAudit(tx, { staffUserId: staff.id, actor: staff.email, action: "outbox.mail.view", entity: "CaughtMail", entityId: id, ipAddress: ctx.ipAddress });
    const parsed = await simpleParser(Buffer.from(mail.raw));
    return {
      id: mail.id,
      receivedAt: mail.receivedAt,
      rcptTo: mail.rcptTo,
      subject: mail.subject,
      mailFrom: mail.mailFrom,
      text: mail.text,
      html: mail.html,
      attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? "(unnamed)", contentType: a.contentType, size: a.size })),
    };
  });
}

export interface VisitMessageRow {
  id: string;
  kind: string;
  channel: "EMAIL" | "SMS";
  recipient: string;
  status: "FAILED" | "QUEUED" | "SKIPPED" | "SENT";
  queuedAt: Date;
  sentAt: Date | null;
  lastError: string | null;
}

/**
 * The appointments a visit's messages may be about: a patient's reschedule
 * writes a new row, and the messages of the rows before it belong to the same
 * visit as the desk sees it.
 */
async function bookingRows(tx: Prisma.TransactionClient, appointmentId: string) {
  const visit = await tx.appointment.findUnique({ where: { id: appointmentId }, select: { bookingId: true, therapistId: true, patientId: true } });
  if (!visit) return null;
  const rows = await tx.appointment.findMany({ where: { bookingId: visit.bookingId }, select: { id: true } });
  return { visit, ids: rows.map((r) => r.id) };
}

/** Admins and the front desk read any visit's messages; a therapist only their own visits'. 404 otherwise, so ids reveal nothing. */
function assertMayReadVisit(staff: StaffMember, visit: { therapistId: string }) {
  if (staff.role === "ADMIN" || staff.role === "FRONT_DESK") return;
  if (staff.role === "THERAPIST" && staff.therapistId === visit.therapistId) return;
  throw new AppError("NOT_FOUND", "No such appointment.");
}

/** Every message about one visit, newest first, audited as a read of the patient's data. */
export async function loadVisitMessages(staff: StaffMember, appointmentId: string, ctx: RequestContext): Promise<VisitMessageRow[]> {
  return getPrisma().$transaction(async (tx) => {
    const found = await bookingRows(tx, appointmentId);
    if (!found) throw new AppError("NOT_FOUND", "No such appointment.");
    assertMayReadVisit(staff, found.visit);
    // Notices to a therapist are about the visit too, but are theirs: the patient's own messages only.
    const rows = await tx.message.findMany({ where: { appointmentId: { in: found.ids }, kind: { not: "therapist" } }, orderBy: { queuedAt: "desc" } });
    await recordAudit(tx, {
      staffUserId: staff.id,
      actor: staff.email,
      action: "visit.messages.view",
      entity: "Appointment",
      entityId: appointmentId,
      patientId: found.visit.patientId,
      ipAddress: ctx.ipAddress,
      detail: { shown: rows.length },
    });
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      channel: r.channel,
      recipient: r.recipient,
      status: r.status,
      queuedAt: r.queuedAt,
      sentAt: r.sentAt,
      lastError: r.lastError,
    }));
  });
}

/** How many of a visit's messages failed for good: a count, no patient data, so the panel can flag it unasked. */
export async function countFailedVisitMessages(staff: StaffMember, appointmentId: string): Promise<number> {
  return getPrisma().$transaction(async (tx) => {
    const found = await bookingRows(tx, appointmentId);
    if (!found) throw new AppError("NOT_FOUND", "No such appointment.");
    assertMayReadVisit(staff, found.visit);
    return tx.message.count({ where: { appointmentId: { in: found.ids }, status: "FAILED", kind: { not: "therapist" } } });
  });
}
