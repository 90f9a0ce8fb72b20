import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, patientInput } from "../../test/fixtures";
import { createManageToken } from "../booking/manage-token";
import { linkHashes } from "../booking/mutations";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { findVisitRoom, listWaitingPatients } from "./data";
import { videoJoinTokenFor } from "./join-token";
import { admitPatient, joinAsPatient, joinAsTherapist, leaveRoom, pollRoom, sendSignal, type ParticipantCredentials } from "./mutations";

const START = new Date("2026-11-24T15:00:00Z");
const END = new Date("2026-11-24T15:45:00Z");
const MINUTE = 60_000;
const at = (offsetMinutes: number) => ({ now: new Date(START.getTime() + offsetMinutes * MINUTE), ipAddress: "127.0.0.1" });
const OPEN = at(-5);
const OFFER = { type: "offer" as const, sdp: "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n" };

async function expectAppError(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

/** A practice with one video visit at START, its join token and the people around it. */
async function videoVisit(options: { mode?: "VIDEO" | "CLINIC"; status?: "BOOKED" | "CANCELLED" } = {}) {
  const practice = await createPractice({ therapists: 2, service: { visitModes: ["CLINIC", "VIDEO"] } });
  const [therapist, otherTherapist] = practice.therapists;
  const patient = await getPrisma().patient.create({ data: { ...patientInput(), dateOfBirth: new Date("1990-04-12") } });
  const manageToken = createManageToken();
  const appointment = await getPrisma().appointment.create({
    data: {
      patientId: patient.id,
      therapistId: therapist!.id,
      serviceId: practice.service.id,
      locationId: practice.location.id,
      mode: options.mode ?? "VIDEO",
      startsAt: START,
      endsAt: END,
      blockedFrom: START,
      blockedUntil: END,
      source: "ONLINE",
      status: options.status ?? "BOOKED",
      ...linkHashes(manageToken),
      manageTokenExpiresAt: new Date(END.getTime() + 30 * 86_400_000),
    },
  });
  return {
    appointment,
    patient,
    joinToken: videoJoinTokenFor(manageToken),
    host: await createStaffMember("THERAPIST", therapist!.id),
    otherTherapist: await createStaffMember("THERAPIST", otherTherapist!.id),
    admin: await createStaffMember("ADMIN"),
    frontDesk: await createStaffMember("FRONT_DESK"),
  };
}

function asPatient(entry: { participantId: string; key: string }): ParticipantCredentials {
  return { participantId: entry.participantId, key: entry.key, staff: () => Promise.reject(new Error("a patient's tab never asks for staff")) };
}

function asStaff(entry: { participantId: string; key: string }, staff: Awaited<ReturnType<typeof createStaffMember>>): ParticipantCredentials {
  return { participantId: entry.participantId, key: entry.key, staff: () => Promise.resolve(staff) };
}

describe("the video room's door", () => {
  it("opens fifteen minutes before the visit and closes an hour after it, saying when to come back", async () => {
    const v = await videoVisit();
    const early = await expectAppError(joinAsPatient(v.joinToken, undefined, at(-16)), "ROOM_NOT_OPEN");
    expect(early.status).toBe(409);
    expect(early.message).toMatch(/opens 15 minutes before the visit, at Nov 24, 2026, 8:45\sAM CST/);
    const late = await expectAppError(joinAsPatient(v.joinToken, undefined, at(45 + 60)), "ROOM_NOT_OPEN");
    expect(late.message).toMatch(/closed at Nov 24, 2026, 10:45\sAM CST/);
    await expectAppError(joinAsTherapist(v.host, v.appointment.id, at(-16)), "ROOM_NOT_OPEN");

    const entry = await joinAsPatient(v.joinToken, undefined, at(-15));
    expect(entry.role).toBe("PATIENT");
    expect(entry.closesAt).toBe("2026-11-24T16:45:00.000Z");
    expect((await findVisitRoom(v.joinToken, at(-15).now))?.phase).toBe("open");
    expect((await findVisitRoom(v.joinToken, at(-16).now))?.phase).toBe("early");
  });

  it("knows no unknown link, no clinic visit's link, and no cancelled visit's room", async () => {
    await expectAppError(joinAsPatient("x".repeat(43), undefined, OPEN), "NOT_FOUND");
    await expectAppError(joinAsPatient("not a token", undefined, OPEN), "NOT_FOUND");
    const clinic = await videoVisit({ mode: "CLINIC" });
    await expectAppError(joinAsPatient(clinic.joinToken, undefined, OPEN), "NOT_FOUND");
    expect(await findVisitRoom(clinic.joinToken, OPEN.now)).toBeNull();
    const cancelled = await videoVisit({ status: "CANCELLED" });
    const error = await expectAppError(joinAsPatient(cancelled.joinToken, undefined, OPEN), "ROOM_NOT_OPEN");
    expect(error.message).toMatch(/cancelled/);
    expect(await getPrisma().videoParticipant.count({ where: { appointmentId: { in: [clinic.appointment.id, cancelled.appointment.id] } } })).toBe(0);
  });

  it("lets only the visit's therapist or an admin host and admit", async () => {
    const v = await videoVisit();
    await expectAppError(joinAsTherapist(v.otherTherapist, v.appointment.id, OPEN), "NOT_FOUND");
    await expectAppError(joinAsTherapist(v.frontDesk, v.appointment.id, OPEN), "NOT_FOUND");
    const patient = await joinAsPatient(v.joinToken, undefined, OPEN);
    await expectAppError(admitPatient(v.otherTherapist, v.appointment.id, patient.participantId, OPEN), "NOT_FOUND");
    await expectAppError(admitPatient(v.frontDesk, v.appointment.id, patient.participantId, OPEN), "NOT_FOUND");
    expect(await listWaitingPatients(v.otherTherapist, OPEN.now)).toEqual([]);
    await expectAppError(listWaitingPatients(v.frontDesk, OPEN.now), "FORBIDDEN");
    expect((await getPrisma().videoParticipant.findUniqueOrThrow({ where: { id: patient.participantId } })).state).toBe("WAITING");

    const hostWaiting = await listWaitingPatients(v.host, OPEN.now);
    expect(hostWaiting).toEqual([expect.objectContaining({ appointmentId: v.appointment.id, participantId: patient.participantId, patientName: `${v.patient.firstName} ${v.patient.lastName}` })]);
    expect((await listWaitingPatients(v.admin, OPEN.now)).map((w) => w.participantId)).toContain(patient.participantId);
    await admitPatient(v.admin, v.appointment.id, patient.participantId, OPEN);
    expect((await getPrisma().videoParticipant.findUniqueOrThrow({ where: { id: patient.participantId } })).state).toBe("ADMITTED");
  });

  it("records who came and went, and checks the patient in when let in", async () => {
    const v = await videoVisit();
    // Seconds apart, as people arrive; a tab silent for longer counts as gone.
    const patient = await joinAsPatient(v.joinToken, undefined, at(-3));
    const host = await joinAsTherapist(v.host, v.appointment.id, at(-2.9));
    await admitPatient(v.host, v.appointment.id, patient.participantId, at(-2.8));
    await leaveRoom(asPatient(patient), at(40));
    await leaveRoom(asStaff(host, v.host), at(41));

    const row = await getPrisma().appointment.findUniqueOrThrow({ where: { id: v.appointment.id } });
    expect(row.patientJoinedAt).toEqual(at(-3).now);
    expect(row.therapistJoinedAt).toEqual(at(-2.9).now);
    expect(row.admittedAt).toEqual(at(-2.8).now);
    expect(row.status).toBe("CHECKED_IN");
    expect(row.checkedInAt).toEqual(at(-2.8).now);
    expect(row.patientLeftAt).toEqual(at(40).now);
    expect(row.therapistLeftAt).toEqual(at(41).now);
    const audit = await getPrisma().auditLog.findMany({ where: { entityId: v.appointment.id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ["video.join", "patient via video link"],
      ["video.join", v.host.email],
      ["video.admit", v.host.email],
      ["video.leave", "patient via video link"],
      ["video.leave", v.host.email],
    ]);
  });
});

describe("one patient tab per call", () => {
  it("refuses a second browser with the same link while the patient's tab is live", async () => {
    const v = await videoVisit();
    const first = await joinAsPatient(v.joinToken, undefined, OPEN);
    await admitPatient(v.host, v.appointment.id, first.participantId, OPEN);
    const refused = await expectAppError(joinAsPatient(v.joinToken, undefined, at(-4.9)), "ROOM_IN_USE");
    expect(refused.status).toBe(409);
    // A made-up key is no way in either.
    await expectAppError(joinAsPatient(v.joinToken, { participantId: first.participantId, key: "k".repeat(43) }, at(-4.9)), "ROOM_IN_USE");
    expect(await getPrisma().videoParticipant.count({ where: { appointmentId: v.appointment.id } })).toBe(1);
  });

  it("lets the same tab come back to its place after a reload, still admitted", async () => {
    const v = await videoVisit();
    const first = await joinAsPatient(v.joinToken, undefined, OPEN);
    await admitPatient(v.host, v.appointment.id, first.participantId, OPEN);
    const again = await joinAsPatient(v.joinToken, { participantId: first.participantId, key: first.key }, at(-4.9));
    expect(again.participantId).toBe(first.participantId);
    expect((await getPrisma().videoParticipant.findUniqueOrThrow({ where: { id: first.participantId } })).state).toBe("ADMITTED");
  });

  it("lets a new tab wait for admission once the old one has been silent for a while, and retires the old one", async () => {
    const v = await videoVisit();
    const first = await joinAsPatient(v.joinToken, undefined, at(-10));
    await admitPatient(v.host, v.appointment.id, first.participantId, at(-10));
    const second = await joinAsPatient(v.joinToken, undefined, at(-9));
    expect(second.participantId).not.toBe(first.participantId);
    const old = await getPrisma().videoParticipant.findUniqueOrThrow({ where: { id: first.participantId } });
    expect(old.state).toBe("LEFT");
    expect((await getPrisma().videoParticipant.findUniqueOrThrow({ where: { id: second.participantId } })).state).toBe("WAITING");
    const state = await pollRoom(asPatient(first), { after: 0, wait: "0" }, at(-9));
    expect(state.self.state).toBe("LEFT");
  });

  it("is guaranteed by the database, not only by the application", async () => {
    const v = await videoVisit();
    await joinAsPatient(v.joinToken, undefined, OPEN);
    const intruder = getPrisma().videoParticipant.create({
      data: { appointmentId: v.appointment.id, role: "PATIENT", secretHash: "f".repeat(64), displayName: "Someone", state: "WAITING" },
    });
    await expect(intruder).rejects.toThrow(/VideoParticipant_one_live_per_role/);
  });
});

describe("signalling", () => {
  async function inCall() {
    const v = await videoVisit();
    const patient = await joinAsPatient(v.joinToken, undefined, OPEN);
    const host = await joinAsTherapist(v.host, v.appointment.id, OPEN);
    return { v, patient, host };
  }

  it("keeps a waiting patient from talking to anyone, and shows the therapist who waits", async () => {
    const { v, patient, host } = await inCall();
    await expectAppError(sendSignal(asPatient(patient), { to: host.participantId, kind: "hello", payload: {} }, OPEN), "FORBIDDEN");
    const patientView = await pollRoom(asPatient(patient), { after: 0, wait: "0" }, OPEN);
    expect(patientView.self.state).toBe("WAITING");
    expect(patientView.peer).toBeNull();
    const hostView = await pollRoom(asStaff(host, v.host), { after: 0, wait: "0" }, OPEN);
    expect(hostView.peer).toEqual({ id: patient.participantId, role: "PATIENT", name: `${v.patient.firstName} ${v.patient.lastName}`, state: "WAITING", online: true });
  });

  it("carries messages between the two tabs of the call only, and forgets them once acknowledged", async () => {
    const { v, patient, host } = await inCall();
    await admitPatient(v.host, v.appointment.id, patient.participantId, OPEN);
    await sendSignal(asPatient(patient), { to: host.participantId, kind: "hello", payload: {} }, OPEN);
    await sendSignal(asStaff(host, v.host), { to: patient.participantId, kind: "description", payload: OFFER }, OPEN);
    await expectAppError(sendSignal(asStaff(host, v.host), { to: host.participantId, kind: "hello", payload: {} }, OPEN), "NOT_FOUND");

    const received = await pollRoom(asPatient(patient), { after: 0, wait: "0" }, OPEN);
    expect(received.peer?.id).toBe(host.participantId);
    expect(received.signals).toEqual([expect.objectContaining({ from: host.participantId, kind: "description", payload: OFFER })]);
    const hello = await pollRoom(asStaff(host, v.host), { after: 0, wait: "0" }, OPEN);
    expect(hello.signals.map((s) => s.kind)).toEqual(["hello"]);

    await pollRoom(asPatient(patient), { after: received.cursor, wait: "0" }, OPEN);
    expect(await getPrisma().videoSignal.count({ where: { toParticipantId: patient.participantId } })).toBe(0);
    expect(await getPrisma().videoSignal.count({ where: { toParticipantId: host.participantId } })).toBe(1);
  });

  it("wakes a waiting poll as soon as a message arrives", async () => {
    const { v, patient, host } = await inCall();
    await admitPatient(v.host, v.appointment.id, patient.participantId, OPEN);
    const settled = await pollRoom(asPatient(patient), { after: 0, wait: "0" }, OPEN);
    const waiting = pollRoom(asPatient(patient), { after: settled.cursor, known: settled.version, wait: "1" }, OPEN);
    await sendSignal(asStaff(host, v.host), { to: patient.participantId, kind: "description", payload: OFFER }, OPEN);
    const woken = await waiting;
    expect(woken.signals.map((s) => s.kind)).toEqual(["description"]);
  });

  it("refuses a wrong key, and a therapist's tab to anyone but its own signed-in owner", async () => {
    const { v, host } = await inCall();
    await expectAppError(pollRoom({ ...asStaff(host, v.host), key: "k".repeat(43) }, { after: 0, wait: "0" }, OPEN), "UNAUTHORIZED");
    await expectAppError(pollRoom(asStaff(host, v.admin), { after: 0, wait: "0" }, OPEN), "FORBIDDEN");
    await expectAppError(
      pollRoom({ ...asStaff(host, v.host), staff: () => Promise.reject(new AppError("UNAUTHORIZED", "Please sign in again.")) }, { after: 0, wait: "0" }, OPEN),
      "UNAUTHORIZED",
    );
  });

  it("closes the room an hour after the visit: everyone is out and nothing said is kept", async () => {
    const { v, patient, host } = await inCall();
    await admitPatient(v.host, v.appointment.id, patient.participantId, OPEN);
    await sendSignal(asStaff(host, v.host), { to: patient.participantId, kind: "description", payload: OFFER }, OPEN);
    const closed = await pollRoom(asPatient(patient), { after: 0, wait: "0" }, at(45 + 60));
    expect(closed.phase).toBe("closed");
    expect(closed.self.state).toBe("LEFT");
    expect(closed.signals).toEqual([]);
    expect(await getPrisma().videoSignal.count({ where: { appointmentId: v.appointment.id } })).toBe(0);
    await expectAppError(sendSignal(asStaff(host, v.host), { to: patient.participantId, kind: "hello", payload: {} }, at(45 + 60)), "ROOM_NOT_OPEN");
  });
});

describe("signalling under load", () => {
  it("delivers every message of both sides sending at once, in each sender's order, without a deadlock", async () => {
    const v = await videoVisit();
    const patient = await joinAsPatient(v.joinToken, undefined, OPEN);
    const host = await joinAsTherapist(v.host, v.appointment.id, OPEN);
    await admitPatient(v.host, v.appointment.id, patient.participantId, OPEN);
    const candidate = (n: number) => ({ candidate: `candidate:${n} 1 udp 2122260223 192.0.2.2 ${50000 + n} typ host`, sdpMid: "0", sdpMLineIndex: 0 });
    const burst = (from: ParticipantCredentials, to: string) =>
      Promise.all(Array.from({ length: 20 }, (_, n) => sendSignal(from, { to, kind: "candidate", payload: candidate(n) }, OPEN)));
    await Promise.all([burst(asPatient(patient), host.participantId), burst(asStaff(host, v.host), patient.participantId)]);

    for (const [reader, count] of [
      [asPatient(patient), 20],
      [asStaff(host, v.host), 20],
    ] as const) {
      const { signals } = await pollRoom(reader, { after: 0, wait: "0" }, OPEN);
      expect(signals).toHaveLength(count);
      expect(signals.map((s) => s.id)).toEqual([...signals.map((s) => s.id)].sort((a, b) => a - b));
    }
  });
});
