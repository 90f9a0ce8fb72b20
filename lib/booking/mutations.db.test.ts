import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, patientInput, uniq } from "../../test/fixtures";
import { openCalendarVisit } from "../calendar/data";
import { findVisitRoom } from "../video/data";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { consumeRateLimit } from "../rate-limit/mutations";
import { hashManageToken } from "./manage-token";
import { hashIdempotencyKey } from "./replay-seal";
import { cancelBooking, createBooking, openBooking, rescheduleBooking } from "./mutations";
import type { CreateBookingInput } from "./schema";

// A Monday noon UTC; the practices below are in America/Chicago (UTC−6 in November).
const NOW = new Date("2026-11-23T12:00:00Z");
const ctx = { now: NOW, ipAddress: "127.0.0.1" };

function bookingInput(practice: Awaited<ReturnType<typeof createPractice>>, start: string, extra: Partial<CreateBookingInput> = {}): CreateBookingInput {
  return {
    service: practice.service.id,
    start,
    mode: "CLINIC",
    locationId: practice.location.id,
    patient: patientInput(),
    language: "en",
    ...extra,
  };
}

async function expectAppError(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe("createBooking", () => {
  it("writes the visit with its buffers, a room and only a hash of the manage token", async () => {
    const practice = await createPractice({ rooms: [{ name: "Room 1", capacity: 1 }] });
    const result = await createBooking(bookingInput(practice, "2026-11-24T09:00:00-06:00"), ctx);

    expect(result.start).toBe("2026-11-24T09:00:00-06:00");
    expect(result.end).toBe("2026-11-24T09:45:00-06:00");
    expect(result.manageUrl).toBe(`http://localhost:3000/en/manage/${result.manageToken}`);
    const row = await getPrisma().appointment.findUniqueOrThrow({ where: { id: result.id } });
    expect(row.startsAt.toISOString()).toBe("2026-11-24T15:00:00.000Z");
    expect(row.blockedUntil.toISOString()).toBe("2026-11-24T16:00:00.000Z");
    expect(row.roomId).toBe(practice.location.rooms[0]!.id);
    expect(row.status).toBe("BOOKED");
    expect(row.source).toBe("ONLINE");
    expect(row.manageTokenHash).toBe(hashManageToken(result.manageToken));
    expect(row.manageTokenHash).not.toContain(result.manageToken);
  });

  it("answers SLOT_TAKEN with nearby alternatives and writes nothing for the loser", async () => {
    const practice = await createPractice();
    await createBooking(bookingInput(practice, "2026-11-24T09:00:00-06:00"), ctx);
    const loser = patientInput();
    const error = await expectAppError(createBooking({ ...bookingInput(practice, "2026-11-24T09:00:00-06:00"), patient: loser }, ctx), "SLOT_TAKEN");

    expect(error.status).toBe(409);
    expect(error.alternatives?.length).toBeGreaterThan(0);
    // 09:00 + 45 min + 15 min buffer: the first free start after it is 10:00.
    expect(error.alternatives!.map((a) => a.start)).toContain("2026-11-24T10:00:00-06:00");
    expect(error.alternatives!.map((a) => a.start)).not.toContain("2026-11-24T09:30:00-06:00");
    expect(await getPrisma().patient.count({ where: { email: loser.email } })).toBe(0);
  });

  it("lets exactly one of 50 concurrent bookings of one slot through", async () => {
    const practice = await createPractice();
    const attempts = await Promise.allSettled(
      Array.from({ length: 50 }, () => createBooking(bookingInput(practice, "2026-11-25T11:00:00-06:00"), ctx)),
    );
    const won = attempts.filter((a) => a.status === "fulfilled");
    const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost.every((l) => l.reason instanceof AppError && l.reason.code === "SLOT_TAKEN")).toBe(true);
    const rows = await getPrisma().appointment.count({ where: { therapistId: practice.therapists[0]!.id, status: "BOOKED" } });
    expect(rows).toBe(1);
  });

  it("refuses a time that was never offered with SLOT_UNAVAILABLE", async () => {
    const practice = await createPractice();
    const error = await expectAppError(createBooking(bookingInput(practice, "2026-11-24T06:00:00-06:00"), ctx), "SLOT_UNAVAILABLE");
    expect(error.status).toBe(422);
    expect(error.alternatives?.[0]?.start).toBe("2026-11-24T08:00:00-06:00");
  });

  it("keeps a patient from being in two places at once, answering exactly as a taken time does", async () => {
    const practice = await createPractice({ therapists: 2 });
    const [first, second] = practice.therapists;
    const patient = patientInput();
    await createBooking({ ...bookingInput(practice, "2026-11-24T09:00:00-06:00"), patient, therapistId: first!.id }, ctx);
    const busy = await expectAppError(
      createBooking({ ...bookingInput(practice, "2026-11-24T09:15:00-06:00"), patient, therapistId: second!.id }, ctx),
      "SLOT_TAKEN",
    );

    // The same therapist's 09:15 taken by someone else: the answer a stranger must not tell apart.
    await createBooking({ ...bookingInput(practice, "2026-11-25T09:15:00-06:00"), therapistId: second!.id }, ctx);
    const taken = await expectAppError(createBooking({ ...bookingInput(practice, "2026-11-25T09:15:00-06:00"), therapistId: second!.id }, ctx), "SLOT_TAKEN");
    expect(busy.status).toBe(taken.status);
    expect(busy.message).toBe(taken.message);
    expect(busy.fields).toEqual(taken.fields);
    expect(busy.alternatives?.length).toBeGreaterThan(0);
    expect(Object.keys(busy.alternatives![0]!).sort()).toEqual(Object.keys(taken.alternatives![0]!).sort());
    // A taken time is never offered back; neither is this one.
    expect(busy.alternatives!.map((a) => a.start)).not.toContain("2026-11-24T09:15:00-06:00");
    expect(await getPrisma().appointment.count({ where: { therapistId: second!.id, startsAt: new Date("2026-11-24T15:15:00Z") } })).toBe(0);

    // Moving a visit booked under the same details onto that time answers the same.
    const other = await createBooking({ ...bookingInput(practice, "2026-11-26T11:00:00-06:00"), patient, therapistId: second!.id }, ctx);
    const moved = await expectAppError(rescheduleBooking(other.manageToken, { start: "2026-11-24T09:15:00-06:00", therapistId: second!.id }, ctx), "SLOT_TAKEN");
    expect(moved.message).toBe(taken.message);
    expect(moved.alternatives!.map((a) => a.start)).not.toContain("2026-11-24T09:15:00-06:00");
  });

  it("finds the same patient again by email, birth date and first name", async () => {
    const practice = await createPractice();
    const patient = patientInput();
    const a = await createBooking({ ...bookingInput(practice, "2026-11-24T09:00:00-06:00"), patient }, ctx);
    const b = await createBooking({ ...bookingInput(practice, "2026-11-26T09:00:00-06:00"), patient: { ...patient, email: patient.email.toUpperCase() } }, ctx);
    const rows = await getPrisma().appointment.findMany({ where: { id: { in: [a.id, b.id] } } });
    expect(new Set(rows.map((r) => r.patientId)).size).toBe(1);
  });

  it("does not book a room beyond its capacity", async () => {
    const practice = await createPractice({ therapists: 2, rooms: [{ name: "Only room", capacity: 1 }] });
    await createBooking({ ...bookingInput(practice, "2026-11-24T09:00:00-06:00"), therapistId: practice.therapists[0]!.id }, ctx);
    await expectAppError(
      createBooking({ ...bookingInput(practice, "2026-11-24T09:00:00-06:00"), therapistId: practice.therapists[1]!.id }, ctx),
      "SLOT_TAKEN",
    );
  });

  it("gives simultaneous visits at one location a room each while rooms are free", async () => {
    const rooms = [1, 2, 3].map((n) => ({ name: `Room ${n}`, capacity: 1 }));
    const practice = await createPractice({ therapists: 4, rooms });
    const attempts = await Promise.allSettled(
      practice.therapists.map((t) => createBooking({ ...bookingInput(practice, "2026-11-24T09:00:00-06:00"), therapistId: t.id }, ctx)),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(3);
    const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected");
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(AppError);
    expect((lost[0]!.reason as AppError).code).toBe("SLOT_TAKEN");
    const used = await getPrisma().appointment.findMany({ where: { locationId: practice.location.id }, select: { roomId: true } });
    expect(new Set(used.map((u) => u.roomId)).size).toBe(3);
  });

  it("books a re-submitted form once, and both answers carry the same link", async () => {
    const practice = await createPractice();
    const input = bookingInput(practice, "2026-11-24T09:00:00-06:00", { idempotencyKey: uniq("form-submission-key") });
    const [first, second] = await Promise.all([createBooking(input, ctx), createBooking(input, ctx)]);
    expect(second.id).toBe(first.id);
    expect(second.manageToken).toBe(first.manageToken);
    expect(await getPrisma().appointment.count({ where: { idempotencyKeyHash: hashIdempotencyKey(input.idempotencyKey!) } })).toBe(1);
    expect((await openBooking(first.manageToken, ctx)).dto.id).toBe(first.id);
  });

  it("answers a replayed form with the original booking and link, changing nothing", async () => {
    const practice = await createPractice();
    const input = bookingInput(practice, "2026-11-24T09:00:00-06:00", { idempotencyKey: uniq("form-submission-key") });
    const first = await createBooking(input, ctx);
    const before = await getPrisma().appointment.findUniqueOrThrow({ where: { id: first.id } });
    // The key is not kept in the clear; the link is kept only sealed.
    expect(before.idempotencyKeyHash).toBe(hashIdempotencyKey(input.idempotencyKey!));
    expect(before.sealedManageToken).not.toContain(first.manageToken);

    const replay = await createBooking(structuredClone(input), { ...ctx, now: new Date(NOW.getTime() + 23 * 3_600_000) });
    expect(replay).toEqual(first);
    const after = await getPrisma().appointment.findUniqueOrThrow({ where: { id: first.id } });
    expect(after).toEqual(before);
    expect(after.manageTokenHash).toBe(hashManageToken(first.manageToken));
    expect((await openBooking(first.manageToken, ctx)).dto.id).toBe(first.id);
    const log = await getPrisma().auditLog.findMany({ where: { entityId: first.id }, orderBy: { at: "asc" } });
    expect(log.map((l) => l.action)).toEqual(["appointment.create", "appointment.replay", "appointment.view"]);
  });

  it("refuses the same form key with a different body and writes nothing", async () => {
    const practice = await createPractice();
    const input = bookingInput(practice, "2026-11-24T09:00:00-06:00", { idempotencyKey: uniq("form-submission-key") });
    const first = await createBooking(input, ctx);
    const before = await getPrisma().appointment.findUniqueOrThrow({ where: { id: first.id } });
    const stranger = patientInput();
    const changes: Partial<CreateBookingInput>[] = [
      { patient: stranger },
      { start: "2026-11-24T11:00:00-06:00" },
      { patient: { ...input.patient, lastName: "Other" } },
      { reason: "Something else" },
    ];
    for (const change of changes) {
      const error = await expectAppError(createBooking({ ...input, ...change }, ctx), "FORM_ALREADY_USED");
      expect(error.status).toBe(422);
      expect(error.message).toMatch(/already used/);
    }
    expect(await getPrisma().appointment.findUniqueOrThrow({ where: { id: first.id } })).toEqual(before);
    expect(await getPrisma().appointment.count({ where: { locationId: practice.location.id } })).toBe(1);
    expect(await getPrisma().patient.count({ where: { email: stranger.email } })).toBe(0);
    expect(await getPrisma().auditLog.count({ where: { entityId: first.id } })).toBe(1);
  });

  it("refuses a form key after 24 hours, even with the identical body, as already used", async () => {
    const practice = await createPractice();
    const input = bookingInput(practice, "2026-11-26T09:00:00-06:00", { idempotencyKey: uniq("form-submission-key") });
    const first = await createBooking(input, ctx);
    const before = await getPrisma().appointment.findUniqueOrThrow({ where: { id: first.id } });
    const dayLater = { ...ctx, now: new Date(NOW.getTime() + 24 * 3_600_000) };
    await expectAppError(createBooking(input, dayLater), "FORM_ALREADY_USED");
    expect(await getPrisma().appointment.findUniqueOrThrow({ where: { id: first.id } })).toEqual(before);
    expect(await getPrisma().appointment.count({ where: { locationId: practice.location.id } })).toBe(1);
  });

  it("shows on the manage page the name this booking was made with, never the matched record's", async () => {
    const practice = await createPractice();
    const patient = { ...patientInput(), lastName: "Ruiz" };
    await createBooking({ ...bookingInput(practice, "2026-11-24T09:00:00-06:00"), patient }, ctx);
    // Someone who knows the first name, email and birth date, and guesses the rest.
    const stranger = await createBooking({ ...bookingInput(practice, "2026-11-26T09:00:00-06:00"), patient: { ...patient, lastName: "Guess" } }, ctx);

    const { dto, appointment } = await openBooking(stranger.manageToken, ctx);
    expect(dto.patient).toEqual({ firstName: patient.firstName, lastName: "Guess" });
    expect(appointment.patient.lastName).toBe("Ruiz");
    expect(JSON.stringify(dto)).not.toContain("Ruiz");
  });

  it("shows in the video room's waiting page the name this booking was made with", async () => {
    const modes: ("CLINIC" | "VIDEO")[] = ["CLINIC", "VIDEO"];
    const practice = await createPractice({ service: { visitModes: modes }, hours: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], startMinute: 8 * 60, endMinute: 18 * 60, visitModes: modes }] });
    const patient = { ...patientInput(), lastName: "Ruiz" };
    await createBooking({ ...bookingInput(practice, "2026-11-24T09:00:00-06:00"), patient }, ctx);
    const stranger = await createBooking({ ...bookingInput(practice, "2026-11-26T09:00:00-06:00"), mode: "VIDEO", patient: { ...patient, lastName: "Guess" } }, ctx);
    const room = await findVisitRoom(stranger.joinUrl!.split("/").pop()!, ctx.now);
    expect(room?.patientName).toBe(`${patient.firstName} Guess`);
  });

  it("offers home visits only inside the location's area and keeps travel time around them", async () => {
    const practice = await createPractice({ homePostalCodes: ["79912"] });
    const address = { line1: "12 Runner Rd", city: "El Paso", postalCode: "79912" };
    const outside = { ...address, postalCode: "10001" };
    await expectAppError(
      createBooking({ ...bookingInput(practice, "2026-11-24T09:00:00-06:00"), mode: "HOME", patient: patientInput({ address: outside }) }, ctx),
      "OUTSIDE_AREA",
    );
    const home = await createBooking({ ...bookingInput(practice, "2026-11-24T09:00:00-06:00"), mode: "HOME", patient: patientInput({ address }) }, ctx);
    const row = await getPrisma().appointment.findUniqueOrThrow({ where: { id: home.id } });
    expect(row.blockedFrom.toISOString()).toBe("2026-11-24T14:30:00.000Z");
    expect(row.blockedUntil.toISOString()).toBe("2026-11-24T16:30:00.000Z");
    expect(row.visitPostalCode).toBe("79912");
    expect(row.roomId).toBeNull();
    // 09:45 end + 15 buffer + 30 travel: a clinic visit fits from 10:30, not before.
    await expectAppError(createBooking(bookingInput(practice, "2026-11-24T10:15:00-06:00"), ctx), "SLOT_TAKEN");
    await createBooking(bookingInput(practice, "2026-11-24T10:30:00-06:00"), ctx);
  });

  it("books a returning patient into a new-patient service like anyone else, and flags it for the clinic", async () => {
    const practice = await createPractice({ service: { newPatientsOnly: true } });
    const patient = patientInput();
    const first = await createBooking({ ...bookingInput(practice, "2026-11-24T09:00:00-06:00"), patient }, ctx);
    const again = await createBooking({ ...bookingInput(practice, "2026-11-26T09:00:00-06:00"), patient }, ctx);
    const newcomer = await createBooking(bookingInput(practice, "2026-11-27T09:00:00-06:00"), ctx);

    expect(Object.keys(again).sort()).toEqual(Object.keys(newcomer).sort());
    const rows = await getPrisma().appointment.findMany({ where: { id: { in: [first.id, again.id, newcomer.id] } } });
    const flagged = new Map(rows.map((r) => [r.id, r.eligibilityFollowUp]));
    expect([flagged.get(first.id), flagged.get(again.id), flagged.get(newcomer.id)]).toEqual([false, true, false]);
    const created = await getPrisma().auditLog.findFirstOrThrow({ where: { entityId: again.id, action: "appointment.create" } });
    expect(created.detail).toMatchObject({ eligibilityFollowUp: expect.stringContaining("returning patient") });
    // The desk sees it in the visit's panel on the calendar.
    const desk = await createStaffMember("FRONT_DESK");
    const shown = await Promise.all([first.id, again.id, newcomer.id].map((id) => openCalendarVisit(desk, id, ctx)));
    expect(shown.map((v) => v.eligibilityFollowUp)).toEqual([false, true, false]);
  });
});

describe("the database itself", () => {
  it("rejects overlapping visits for one therapist even when the application is bypassed", async () => {
    const practice = await createPractice();
    const booked = await createBooking(bookingInput(practice, "2026-11-24T09:00:00-06:00"), ctx);
    const row = await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } });
    const other = await getPrisma().patient.create({
      data: { firstName: "Raw", lastName: "Insert", email: `${uniq("raw")}@example.com`, phone: "1234567", dateOfBirth: new Date("1980-01-01") },
    });
    const overlapping = getPrisma().appointment.create({
      data: {
        ...row,
        id: undefined,
        patientId: other.id,
        startsAt: new Date("2026-11-24T15:30:00Z"),
        endsAt: new Date("2026-11-24T16:15:00Z"),
        blockedFrom: new Date("2026-11-24T15:30:00Z"),
        blockedUntil: new Date("2026-11-24T16:30:00Z"),
        roomId: null,
        manageTokenHash: uniq("hash"),
        videoJoinTokenHash: null,
        idempotencyKeyHash: null,
        rescheduledFromId: null,
        createdAt: undefined,
        updatedAt: undefined,
      },
    });
    await expect(overlapping).rejects.toThrow(/Appointment_therapist_no_overlap/);
  });


  it("rejects a visit in a full room even when the application is bypassed", async () => {
    const practice = await createPractice({ therapists: 3, rooms: [{ name: "Gym", capacity: 2 }] });
    const gym = practice.location.rooms[0]!.id;
    const prisma = getPrisma();
    const insertIntoGym = async (therapistIndex: number) => {
      const patient = await prisma.patient.create({
        data: { firstName: uniq("Gym"), lastName: "Raw", email: `${uniq("gym")}@example.com`, phone: "1234567", dateOfBirth: new Date("1980-01-01") },
      });
      return prisma.appointment.create({
        data: {
          patientId: patient.id,
          therapistId: practice.therapists[therapistIndex]!.id,
          serviceId: practice.service.id,
          locationId: practice.location.id,
          roomId: gym,
          mode: "CLINIC",
          startsAt: new Date("2026-11-24T15:00:00Z"),
          endsAt: new Date("2026-11-24T15:45:00Z"),
          blockedFrom: new Date("2026-11-24T15:00:00Z"),
          blockedUntil: new Date("2026-11-24T16:00:00Z"),
          source: "STAFF",
          manageTokenHash: uniq("hash"),
          manageTokenExpiresAt: new Date("2027-01-01T00:00:00Z"),
        },
      });
    };
    await insertIntoGym(0);
    await insertIntoGym(1);
    await expect(insertIntoGym(2)).rejects.toThrow(/Appointment_room_capacity|is full/);
  });
});

describe("reschedule and cancel", () => {
  it("moves a visit, frees the old time in the same transaction and keeps the link working", async () => {
    const practice = await createPractice();
    const booked = await createBooking(bookingInput(practice, "2026-11-24T09:00:00-06:00"), ctx);
    // Overlaps its own old time: only possible because the old row is released first.
    const moved = await rescheduleBooking(booked.manageToken, { start: "2026-11-24T09:30:00-06:00" }, ctx);

    expect(moved.start).toBe("2026-11-24T09:30:00-06:00");
    expect(moved.id).not.toBe(booked.id);
    const old = await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } });
    expect(old.status).toBe("CANCELLED");
    const fresh = await getPrisma().appointment.findUniqueOrThrow({ where: { id: moved.id } });
    expect(fresh.rescheduledFromId).toBe(booked.id);
    expect((await openBooking(booked.manageToken, ctx)).dto.id).toBe(moved.id);

    const later = await rescheduleBooking(booked.manageToken, { start: "2026-11-24T14:00:00-06:00" }, ctx);
    expect(later.start).toBe("2026-11-24T14:00:00-06:00");
    // The 09:00 time is free for someone else now.
    await createBooking(bookingInput(practice, "2026-11-24T09:00:00-06:00"), ctx);
  });

  it("answers SLOT_TAKEN when the new time is gone, leaving the original booking untouched", async () => {
    const practice = await createPractice();
    const mine = await createBooking(bookingInput(practice, "2026-11-24T09:00:00-06:00"), ctx);
    await createBooking(bookingInput(practice, "2026-11-24T13:00:00-06:00"), ctx);
    await expectAppError(rescheduleBooking(mine.manageToken, { start: "2026-11-24T13:00:00-06:00" }, ctx), "SLOT_TAKEN");
    const still = await openBooking(mine.manageToken, ctx);
    expect(still.dto.status).toBe("BOOKED");
    expect(still.dto.start).toBe("2026-11-24T09:00:00-06:00");
  });

  it("cancels once, with the patient's reason, and only before the cut-off", async () => {
    const practice = await createPractice({ service: { cancelCutoffMinutes: 24 * 60 } });
    const booked = await createBooking(bookingInput(practice, "2026-11-25T09:00:00-06:00"), ctx);
    const tooLate = { ...ctx, now: new Date("2026-11-24T16:00:00Z") };
    await expectAppError(cancelBooking(booked.manageToken, {}, tooLate), "TOO_LATE_TO_CHANGE");

    const cancelled = await cancelBooking(booked.manageToken, { reason: "Knee feels better" }, ctx);
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.cancellationReason).toBe("Knee feels better");
    expect(cancelled.canChange).toBe(false);
    await expectAppError(cancelBooking(booked.manageToken, {}, ctx), "ALREADY_CANCELLED");
    // The time is free again.
    await createBooking(bookingInput(practice, "2026-11-25T09:00:00-06:00"), ctx);
  });

  it("records who read and changed the booking", async () => {
    const practice = await createPractice();
    const booked = await createBooking(bookingInput(practice, "2026-11-24T09:00:00-06:00"), ctx);
    await openBooking(booked.manageToken, ctx);
    await cancelBooking(booked.manageToken, { reason: "Travel" }, ctx);
    const log = await getPrisma().auditLog.findMany({ where: { entityId: booked.id }, orderBy: { at: "asc" } });
    expect(log.map((l) => l.action)).toEqual(["appointment.create", "appointment.view", "appointment.cancel"]);
    expect(log.every((l) => l.ipAddress === "127.0.0.1")).toBe(true);
  });

  it("treats unknown and expired links alike", async () => {
    const practice = await createPractice();
    const booked = await createBooking(bookingInput(practice, "2026-11-24T09:00:00-06:00"), ctx);
    await expectAppError(openBooking("x".repeat(43), ctx), "NOT_FOUND");
    await expectAppError(openBooking("../../etc/passwd", ctx), "NOT_FOUND");
    const muchLater = { ...ctx, now: new Date("2027-02-01T00:00:00Z") };
    await expectAppError(openBooking(booked.manageToken, muchLater), "NOT_FOUND");
  });
});

describe("consumeRateLimit", () => {
  it("counts in PostgreSQL and refuses past the limit within a window", async () => {
    const key = uniq("rl");
    for (let i = 0; i < 3; i++) await consumeRateLimit(key, 3, 60, NOW);
    const error = await expectAppError(consumeRateLimit(key, 3, 60, NOW), "RATE_LIMITED");
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    // The next window starts afresh.
    await consumeRateLimit(key, 3, 60, new Date(NOW.getTime() + 61_000));
  });
});
