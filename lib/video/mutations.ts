import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import type { RequestContext } from "../http/request-context";
import { visitStatusFilter } from "../db/appointment-status";
import { getPrisma } from "../db/client";
import type { Appointment, Prisma, VideoParticipant } from "../db/generated/client";
import { getEnv } from "../env";
import { AppError } from "../errors/app-error";
import { formatInstantWithOffset } from "../scheduling/zone-time";
import { assertMayHostVideoVisit } from "./access";
import type { RoomEntryDto, RoomPeerDto, RoomSignalDto, RoomStateDto } from "./api-types";
import { appointmentIdForJoinToken, PRESENCE_TIMEOUT_MS, phaseOf } from "./data";
import { looksLikeJoinToken } from "./join-token";
import { roomWindow } from "./room-window";
import type { SignalInput } from "./schema";
import { VIDEO_CHANNEL, watchRoom } from "./wakeups";

/** How long a poll waits for news before answering "nothing new". */
const POLL_HOLD_MS = 10_000;
const PATIENT_ACTOR = "patient via video link";

type Tx = Prisma.TransactionClient;

function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

function formatOpening(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(instant);
}

/** Refuses a room that is not open now, saying when it opens or that it has closed. */
function assertRoomOpen(a: Appointment & { location: { timeZone: string } }, now: Date): void {
  const phase = phaseOf(a, now);
  if (phase === "open") return;
  if (phase === "cancelled") throw new AppError("ROOM_NOT_OPEN", "This visit was cancelled, so its video room is closed. Please call the clinic to book again.");
  const window = roomWindow(a.startsAt.getTime(), a.endsAt.getTime());
  if (phase === "early") {
    throw new AppError("ROOM_NOT_OPEN", `The video room opens 15 minutes before the visit, at ${formatOpening(window.opensAt, a.location.timeZone)}. Please come back then.`);
  }
  throw new AppError("ROOM_NOT_OPEN", `This visit's video room closed at ${formatOpening(window.closesAt, a.location.timeZone)}. Please call the clinic if you need another visit.`);
}

async function notifyRoom(tx: Tx, appointmentId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${VIDEO_CHANNEL}, ${appointmentId})`;
}

/** Serialises joins, admissions and departures of one room. */
async function lockAppointment(tx: Tx, appointmentId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Appointment" WHERE "id" = ${appointmentId}::uuid FOR NO KEY UPDATE`;
}

function isFresh(p: { lastSeenAt: Date }, now: Date): boolean {
  return p.lastSeenAt.getTime() > now.getTime() - PRESENCE_TIMEOUT_MS;
}

const LEFT_COLUMN = { PATIENT: "patientLeftAt", THERAPIST: "therapistLeftAt" } as const;

/** Marks a tab as gone and the appointment's last-left time for its side. */
async function retire(tx: Tx, p: VideoParticipant, leftAt: Date): Promise<void> {
  await tx.videoParticipant.update({ where: { id: p.id }, data: { state: "LEFT", leftAt } });
  await tx.appointment.update({ where: { id: p.appointmentId }, data: { [LEFT_COLUMN[p.role]]: leftAt } });
  // Messages for a tab that is gone are of no use to anyone.
  await tx.videoSignal.deleteMany({ where: { OR: [{ toParticipantId: p.id }, { fromParticipantId: p.id }] } });
}

/** Tabs that stopped polling without saying goodbye (closed, crashed) left when last seen. */
async function retireStale(tx: Tx, appointmentId: string, now: Date): Promise<void> {
  const stale = await tx.videoParticipant.findMany({
    where: { appointmentId, state: { in: ["WAITING", "ADMITTED"] }, lastSeenAt: { lte: new Date(now.getTime() - PRESENCE_TIMEOUT_MS) } },
  });
  for (const p of stale) await retire(tx, p, p.lastSeenAt);
}

function entry(p: VideoParticipant, key: string, a: Appointment): RoomEntryDto {
  return {
    participantId: p.id,
    key,
    role: p.role,
    iceServers: getEnv().VIDEO_ICE_SERVERS,
    closesAt: new Date(roomWindow(a.startsAt.getTime(), a.endsAt.getTime()).closesAt).toISOString(),
  };
}

/**
 * A patient's tab enters the waiting room with the join link. The same tab
 * coming back (reload, dropped network) proves itself with its key and keeps
 * its place, admitted or not. Any other tab is refused while the patient's
 * tab is live, so a forwarded link cannot take over a call in progress.
 */
export async function joinAsPatient(
  joinToken: string,
  resume: { participantId: string; key: string } | undefined,
  ctx: RequestContext,
): Promise<RoomEntryDto> {
  const notFound = new AppError("NOT_FOUND", "This video link is not valid. Please use the link from your confirmation or call the clinic.");
  if (!looksLikeJoinToken(joinToken)) throw notFound;
  const prisma = getPrisma();
  const id = await appointmentIdForJoinToken(joinToken);
  const found = id ? await prisma.appointment.findUnique({ where: { id }, include: { location: true, patient: true } }) : null;
  if (!found || found.mode !== "VIDEO") throw notFound;
  assertRoomOpen(found, ctx.now);

  return prisma.$transaction(async (tx) => {
    await lockAppointment(tx, found.id);
    await retireStale(tx, found.id, ctx.now);
    if (resume) {
      const mine = await tx.videoParticipant.findUnique({ where: { id: resume.participantId } });
      if (mine && mine.appointmentId === found.id && mine.role === "PATIENT" && mine.state !== "LEFT" && sameHash(mine.secretHash, hashKey(resume.key))) {
        await tx.videoParticipant.update({ where: { id: mine.id }, data: { lastSeenAt: ctx.now } });
        await notifyRoom(tx, found.id);
        return entry(mine, resume.key, found);
      }
    }
    const live = await tx.videoParticipant.findFirst({ where: { appointmentId: found.id, role: "PATIENT", state: { in: ["WAITING", "ADMITTED"] } } });
    if (live) {
      throw new AppError("ROOM_IN_USE", "This video visit is already open in another window or on another device. Close it there, or wait half a minute and try again.");
    }
    const key = randomBytes(32).toString("base64url");
    const participant = await tx.videoParticipant.create({
      data: {
        appointmentId: found.id,
        role: "PATIENT",
        secretHash: hashKey(key),
        displayName: `${found.patient.firstName} ${found.patient.lastName}`,
        state: "WAITING",
        joinedAt: ctx.now,
        lastSeenAt: ctx.now,
      },
    });
    if (!found.patientJoinedAt) await tx.appointment.update({ where: { id: found.id }, data: { patientJoinedAt: ctx.now } });
    await recordAudit(tx, {
      actor: PATIENT_ACTOR,
      action: "video.join",
      entity: "Appointment",
      entityId: found.id,
      patientId: found.patientId,
      ipAddress: ctx.ipAddress,
    });
    await notifyRoom(tx, found.id);
    return entry(participant, key, found);
  });
}

/**
 * The therapist (or an admin) enters the room, already admitted. A newer tab
 * of theirs replaces an older one: a signed-in colleague switching desks.
 */
export async function joinAsTherapist(staff: StaffMember, appointmentId: string, ctx: RequestContext): Promise<RoomEntryDto> {
  const prisma = getPrisma();
  const found = await prisma.appointment.findUnique({ where: { id: appointmentId, status: visitStatusFilter() }, include: { location: true } });
  if (!found || found.mode !== "VIDEO") throw new AppError("NOT_FOUND", "No such video visit.");
  assertMayHostVideoVisit(staff, found);
  assertRoomOpen(found, ctx.now);

  return prisma.$transaction(async (tx) => {
    await lockAppointment(tx, found.id);
    await retireStale(tx, found.id, ctx.now);
    const previous = await tx.videoParticipant.findMany({ where: { appointmentId: found.id, role: "THERAPIST", state: { in: ["WAITING", "ADMITTED"] } } });
    for (const p of previous) await retire(tx, p, ctx.now);
    const key = randomBytes(32).toString("base64url");
    const participant = await tx.videoParticipant.create({
      data: {
        appointmentId: found.id,
        role: "THERAPIST",
        staffUserId: staff.id,
        secretHash: hashKey(key),
        displayName: staff.name,
        state: "ADMITTED",
        joinedAt: ctx.now,
        admittedAt: ctx.now,
        lastSeenAt: ctx.now,
      },
    });
    if (!found.therapistJoinedAt) await tx.appointment.update({ where: { id: found.id }, data: { therapistJoinedAt: ctx.now } });
    await recordAudit(tx, {
      staffUserId: staff.id,
      actor: staff.email,
      action: "video.join",
      entity: "Appointment",
      entityId: found.id,
      patientId: found.patientId,
      ipAddress: ctx.ipAddress,
    });
    await notifyRoom(tx, found.id);
    return entry(participant, key, found);
  });
}

/**
 * Lets the waiting patient in. Being let in is attending: a booked visit is
 * checked in at that moment, as the front desk would for a patient in the
 * waiting area.
 */
export async function admitPatient(staff: StaffMember, appointmentId: string, participantId: string, ctx: RequestContext): Promise<void> {
  const prisma = getPrisma();
  const found = await prisma.appointment.findUnique({ where: { id: appointmentId, status: visitStatusFilter() }, include: { location: true } });
  if (!found || found.mode !== "VIDEO") throw new AppError("NOT_FOUND", "No such video visit.");
  assertMayHostVideoVisit(staff, found);
  assertRoomOpen(found, ctx.now);

  await prisma.$transaction(async (tx) => {
    await lockAppointment(tx, found.id);
    const waiting = await tx.videoParticipant.findUnique({ where: { id: participantId } });
    if (!waiting || waiting.appointmentId !== found.id || waiting.role !== "PATIENT" || waiting.state === "LEFT") {
      throw new AppError("NOT_FOUND", "That patient is no longer waiting. They may have closed the page.");
    }
    if (waiting.state === "ADMITTED") return;
    await tx.videoParticipant.update({ where: { id: waiting.id }, data: { state: "ADMITTED", admittedAt: ctx.now } });
    const current = await tx.appointment.findUniqueOrThrow({ where: { id: found.id } });
    await tx.appointment.update({
      where: { id: found.id },
      data: {
        admittedAt: current.admittedAt ?? ctx.now,
        ...(current.status === "BOOKED" ? { status: "CHECKED_IN", checkedInAt: ctx.now } : {}),
      },
    });
    await recordAudit(tx, {
      staffUserId: staff.id,
      actor: staff.email,
      action: "video.admit",
      entity: "Appointment",
      entityId: found.id,
      patientId: found.patientId,
      ipAddress: ctx.ipAddress,
      detail: current.status === "BOOKED" ? { checkedIn: true } : {},
    });
    await notifyRoom(tx, found.id);
  });
}

/** How a tab proves itself on every call after joining. */
export interface ParticipantCredentials {
  participantId: string;
  key: string;
  /** The signed-in staff member, asked for only when the tab is a therapist's. */
  staff: () => Promise<StaffMember>;
}

async function authenticate(credentials: ParticipantCredentials) {
  const participant = await getPrisma().videoParticipant.findUnique({
    where: { id: credentials.participantId },
    include: { appointment: { include: { location: true } } },
  });
  if (!participant || !sameHash(participant.secretHash, hashKey(credentials.key))) {
    throw new AppError("UNAUTHORIZED", "This room key is not valid. Reload the page to join again.");
  }
  let staff: StaffMember | null = null;
  if (participant.role === "THERAPIST") {
    // Signing out (or being signed out) ends a therapist's tab too.
    staff = await credentials.staff();
    if (staff.id !== participant.staffUserId) throw new AppError("FORBIDDEN", "This room key belongs to someone else.");
  }
  return Object.assign(participant, { staff });
}

async function findPeer(self: VideoParticipant, now: Date): Promise<RoomPeerDto | null> {
  if (self.state === "LEFT") return null;
  // A waiting patient does not talk to anyone yet.
  if (self.role === "PATIENT" && self.state !== "ADMITTED") return null;
  const other = await getPrisma().videoParticipant.findFirst({
    where: { appointmentId: self.appointmentId, role: self.role === "PATIENT" ? "THERAPIST" : "PATIENT", state: { in: ["WAITING", "ADMITTED"] } },
  });
  if (!other) return null;
  return { id: other.id, role: other.role, name: other.displayName, state: other.state, online: isFresh(other, now) };
}

/**
 * One poll: the tab's news since `after` (signals for it, and who is in the
 * room), waiting up to ten seconds for something to change. Polling is also
 * the tab's heartbeat and its acknowledgement: signals up to `after` are
 * deleted, so nothing said in a room outlives its delivery.
 */
export async function pollRoom(
  credentials: ParticipantCredentials,
  query: { after: number; known?: string; wait: "0" | "1" },
  ctx: RequestContext,
  abort?: AbortSignal,
): Promise<RoomStateDto> {
  const first = await authenticate(credentials);
  const prisma = getPrisma();
  const appointmentId = first.appointmentId;
  const closesAt = roomWindow(first.appointment.startsAt.getTime(), first.appointment.endsAt.getTime()).closesAt;
  // The request's clock, moving on while the poll waits.
  const started = Date.now();
  const clock = () => new Date(ctx.now.getTime() + (Date.now() - started));
  const deadline = started + POLL_HOLD_MS;

  await prisma.$transaction([
    prisma.videoParticipant.updateMany({ where: { id: first.id, state: { not: "LEFT" } }, data: { lastSeenAt: ctx.now } }),
    prisma.videoSignal.deleteMany({ where: { toParticipantId: first.id, id: { lte: BigInt(query.after) } } }),
  ]);

  // Subscribed before the first read, so no change slips between a read and the wait.
  const watch = await watchRoom(appointmentId);
  try {
    for (;;) {
      const now = clock();
      const [self, appointment] = await Promise.all([
        prisma.videoParticipant.findUniqueOrThrow({ where: { id: first.id } }),
        prisma.appointment.findUniqueOrThrow({ where: { id: appointmentId } }),
      ]);
      const phase = phaseOf(appointment, now) === "open" ? "open" : "closed";
      if (phase === "closed" && self.state !== "LEFT") {
        await prisma.$transaction(async (tx) => {
          await lockAppointment(tx, appointmentId);
          const current = await tx.videoParticipant.findUniqueOrThrow({ where: { id: self.id } });
          if (current.state !== "LEFT") await retire(tx, current, now);
          await tx.videoSignal.deleteMany({ where: { appointmentId } });
          await notifyRoom(tx, appointmentId);
        });
        self.state = "LEFT";
      }
      const peer = phase === "open" ? await findPeer(self, now) : null;
      const rows =
        self.state === "LEFT"
          ? []
          : await prisma.videoSignal.findMany({
              where: { toParticipantId: self.id, id: { gt: BigInt(query.after) } },
              orderBy: { id: "asc" },
              take: 200,
            });
      const signals: RoomSignalDto[] = rows.map((r) => ({ id: Number(r.id), from: r.fromParticipantId, kind: r.kind as RoomSignalDto["kind"], payload: r.payload }));
      const version = [phase, self.state, peer ? `${peer.id}:${peer.state}:${peer.online ? "on" : "off"}` : "-"].join("|");
      const state: RoomStateDto = {
        phase,
        closesAt: formatInstantWithOffset(closesAt, first.appointment.location.timeZone),
        self: { id: self.id, role: self.role, state: self.state },
        peer,
        signals,
        cursor: signals.at(-1)?.id ?? query.after,
        version,
      };
      const news = signals.length > 0 || version !== query.known;
      if (news || query.wait === "0" || self.state === "LEFT" || abort?.aborted || Date.now() >= deadline) return state;
      await watch.wait(Math.min(1_000, deadline - Date.now()), abort);
    }
  } finally {
    watch.close();
  }
}

/** Passes a WebRTC message to the other side of the call, and only to it. */
export async function sendSignal(credentials: ParticipantCredentials, input: SignalInput, ctx: RequestContext): Promise<void> {
  const self = await authenticate(credentials);
  if (phaseOf(self.appointment, ctx.now) !== "open") throw new AppError("ROOM_NOT_OPEN", "This video room has closed.");
  if (self.state !== "ADMITTED") {
    throw new AppError("FORBIDDEN", self.state === "WAITING" ? "Please wait until your therapist lets you in." : "You have left this video visit. Reload the page to join again.");
  }
  const peer = await findPeer(self, ctx.now);
  if (!peer || peer.id !== input.to || peer.state !== "ADMITTED") {
    throw new AppError("NOT_FOUND", "The other side of the call is not in the room any more.");
  }
  const prisma = getPrisma();
  await prisma.$transaction(async (tx) => {
    // Messages to one tab commit in id order: the tab reads "everything after
    // the last id I saw", so a lower id committing after a higher one would
    // be skipped. Holding the recipient's row while inserting serialises them.
    // NO KEY UPDATE, not UPDATE: the insert's foreign-key checks take KEY SHARE
    // on both tabs' rows, and the two sides sending at once must not deadlock.
    await tx.$queryRaw`SELECT 1 FROM "VideoParticipant" WHERE "id" = ${peer.id}::uuid FOR NO KEY UPDATE`;
    await tx.videoSignal.create({
      data: {
        appointmentId: self.appointmentId,
        fromParticipantId: self.id,
        toParticipantId: peer.id,
        kind: input.kind,
        payload: input.payload as Prisma.InputJsonValue,
      },
    });
    await notifyRoom(tx, self.appointmentId);
  });
}

/** The tab leaves the call (the Leave button); it may join again with the link. */
export async function leaveRoom(credentials: ParticipantCredentials, ctx: RequestContext): Promise<void> {
  const self = await authenticate(credentials);
  await getPrisma().$transaction(async (tx) => {
    await lockAppointment(tx, self.appointmentId);
    const current = await tx.videoParticipant.findUniqueOrThrow({ where: { id: self.id } });
    if (current.state === "LEFT") return;
    await retire(tx, current, ctx.now);
    await recordAudit(tx, {
      staffUserId: current.staffUserId,
      actor: self.staff?.email ?? PATIENT_ACTOR,
      action: "video.leave",
      entity: "Appointment",
      entityId: self.appointmentId,
      patientId: self.appointment.patientId,
      ipAddress: ctx.ipAddress,
    });
    await notifyRoom(tx, self.appointmentId);
  });
}
