import { createHash, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createPractice, createStaffMember, patientInput, uniq } from "../../test/fixtures";
import { createBooking } from "../booking/mutations";
import { getPrisma } from "../db/client";
import type { VisitMode } from "../db/generated/enums";
import { AppError } from "../errors/app-error";
import { createExercise, updateExercise } from "../exercises/mutations";
import type { ExerciseForm } from "../exercises/schema";
import { messageLinkToken } from "../patient-links/tokens";
import { composeHomeProgram } from "../message-templates/home-program";
import { findPatientProgram, findVisitProgramForm, programProgressFor } from "./data";
import { assignProgram, logProgramSession, PROGRAM_LOGS_PER_DAY, programMessageKey } from "./mutations";

const ALL_DAY = [{ weekdays: [1, 2, 3, 4, 5, 6, 7], startMinute: 0, endMinute: 1440, visitModes: ["CLINIC"] as VisitMode[] }];
// Assigned on Tuesday 20 October 2026 in Denver; the clocks go back on Sunday 1 November.
const ASSIGNED = { now: new Date("2026-10-20T16:00:00Z"), ipAddress: "192.0.2.10" };
const refusal = (call: Promise<unknown>) =>
  call.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => (e instanceof AppError ? { code: e.code, status: e.status, message: e.message } : { code: String(e), status: 0, message: "" }),
  );

const stretch = (name: string): ExerciseForm => ({
  nameEn: name,
  nameEs: `${name} (es)`,
  stepsEn: "Lie down.\nHold it.",
  stepsEs: "Túmbese.\nAguante.",
  sets: "1",
  repetitionsMin: "2",
  repetitionsMax: "3",
  holdSecondsMin: "20",
  holdSecondsMax: "30",
  perSide: "",
});

let practice: Awaited<ReturnType<typeof createPractice>>;
let therapist: Awaited<ReturnType<typeof createStaffMember>>;
let exerciseIds: string[];

async function bookVisit(start = "2026-10-27T15:00:00Z") {
  const booked = await createBooking(
    { service: practice.service.id, start, mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient: patientInput() },
    { now: new Date("2026-10-15T12:00:00Z"), ipAddress: null },
  );
  return booked.id;
}

async function assign(appointmentId: string, overrides: Partial<{ formId: string; sessionsPerWeek: string; weeks: string }> = {}, ctx = ASSIGNED) {
  const formId = overrides.formId ?? randomUUID();
  const result = await assignProgram(
    therapist,
    {
      appointmentId,
      formId,
      language: "es",
      sessionsPerWeek: overrides.sessionsPerWeek ?? "3",
      weeks: overrides.weeks ?? "4",
      items: exerciseIds.map((exerciseId, i) => ({ exerciseId, ...stretch("x"), perSide: i === 2 ? "on" : "" })),
    },
    ctx,
  );
  const message = await getPrisma().message.findUniqueOrThrow({ where: { dedupeKey: programMessageKey(formId) } });
  return { ...result, token: messageLinkToken(message.id, "program", formId), message };
}

beforeAll(async () => {
  practice = await createPractice({ timeZone: "America/Denver", hours: ALL_DAY, service: { durationMinutes: 30, bufferAfterMinutes: 0, visitModes: ["CLINIC"] } });
  therapist = await createStaffMember("THERAPIST", practice.therapists[0]!.id);
  exerciseIds = [];
  for (const name of ["Inner thigh", "Butterfly", "Side lunge"]) exerciseIds.push((await createExercise(therapist, stretch(uniq(name)), ASSIGNED)).id);
});

describe("the exercise library", () => {
  it("refuses a dose out of range or a hold given by half, keeps to the author's own exercises, and audits each change", async () => {
    expect(await refusal(createExercise(therapist, { ...stretch("Bad"), repetitionsMin: "3", repetitionsMax: "2" }, ASSIGNED))).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await refusal(createExercise(therapist, { ...stretch("Bad"), holdSecondsMax: "" }, ASSIGNED))).toMatchObject({ code: "VALIDATION_FAILED" });
    const other = await createStaffMember("FRONT_DESK");
    expect(await refusal(updateExercise(other, exerciseIds[0]!, stretch("Mine now"), ASSIGNED))).toMatchObject({ code: "FORBIDDEN" });
    await updateExercise(await createStaffMember("ADMIN"), exerciseIds[0]!, { ...stretch("Inner thigh, lying"), holdSecondsMin: "25" }, ASSIGNED);
    expect(await getPrisma().exercise.findUniqueOrThrow({ where: { id: exerciseIds[0]! } })).toMatchObject({ nameEn: "Inner thigh, lying", holdSecondsMin: 25 });
    expect(await getPrisma().auditLog.count({ where: { entityId: exerciseIds[0]!, action: { in: ["exercise.create", "exercise.update"] } } })).toBe(2);
  });
});

describe("giving a home program from a visit", () => {
  it("writes the program with its doses, queues its email, stores only the link's hash, and gives one program for a form sent twice", async () => {
    const appointmentId = await bookVisit();
    const formId = randomUUID();
    const first = await assign(appointmentId, { formId });
    const again = await assign(appointmentId, { formId });
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ id: formId, created: false, token: first.token });

    const program = await getPrisma().exerciseProgram.findUniqueOrThrow({ where: { id: formId }, include: { items: { orderBy: { position: "asc" } } } });
    expect(program).toMatchObject({ sessionsPerWeek: 3, language: "es", timeZone: "America/Denver", assignedById: therapist.id });
    expect(program.startsOn.toISOString().slice(0, 10)).toBe("2026-10-20");
    expect(program.endsOn.toISOString().slice(0, 10)).toBe("2026-11-16");
    expect(program.tokenHash).toBe(createHash("sha256").update(first.token).digest("hex"));
    expect(program.tokenHash).not.toContain(first.token);
    expect(program.items.map((i) => [i.exerciseId, i.perSide])).toEqual(exerciseIds.map((id, i) => [id, i === 2]));
    expect(first.message).toMatchObject({ kind: "program", channel: "EMAIL", language: "es", appointmentId });
    expect(await getPrisma().message.count({ where: { dedupeKey: programMessageKey(formId) } })).toBe(1);
    expect(await getPrisma().auditLog.count({ where: { entityId: formId, action: "exercise-program.assign" } })).toBe(1);
  });

  it("is refused for another therapist's visit and for nothing ticked, with nothing written", async () => {
    const appointmentId = await bookVisit("2026-10-27T17:00:00Z");
    const colleague = await createStaffMember("THERAPIST", (await createPractice()).therapists[0]!.id);
    const before = await getPrisma().exerciseProgram.count();
    expect(await refusal(assignProgram(colleague, { appointmentId, formId: randomUUID(), language: "en", sessionsPerWeek: "3", weeks: "2", items: [{ exerciseId: exerciseIds[0]!, ...stretch("x") }] }, ASSIGNED))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(assignProgram(therapist, { appointmentId, formId: randomUUID(), language: "en", sessionsPerWeek: "3", weeks: "2", items: [] }, ASSIGNED))).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await refusal(assignProgram(therapist, { appointmentId, formId: randomUUID(), language: "en", sessionsPerWeek: "15", weeks: "2", items: [{ exerciseId: exerciseIds[0]!, ...stretch("x") }] }, ASSIGNED))).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await getPrisma().exerciseProgram.count()).toBe(before);
  });
});

describe("the patient's link", () => {
  it("opens the program until it expires; a wrong, altered or expired token finds nothing", async () => {
    const { token, id } = await assign(await bookVisit("2026-10-28T15:00:00Z"));
    const during = new Date("2026-10-30T12:00:00Z");
    const view = await findPatientProgram(token, during);
    expect(view?.exercises.map((e) => e.id)).toEqual(exerciseIds);
    expect(view).toMatchObject({ sessionsPerWeek: 3, endsOn: "2026-11-16" });

    const altered = (token[0] === "A" ? "B" : "A") + token.slice(1);
    expect(await findPatientProgram(altered, during)).toBeNull();
    expect(await findPatientProgram("not-a-token", during)).toBeNull();
    expect(await findPatientProgram(createHash("sha256").update(token).digest("hex"), during)).toBeNull();

    const { tokenExpiresAt } = await getPrisma().exerciseProgram.findUniqueOrThrow({ where: { id } });
    // Thirty days after the last day, at midnight in Denver (MST, UTC−7).
    expect(tokenExpiresAt.toISOString()).toBe("2026-12-17T07:00:00.000Z");
    expect(await findPatientProgram(token, new Date(tokenExpiresAt.getTime() - 1))).not.toBeNull();
    expect(await findPatientProgram(token, tokenExpiresAt)).toBeNull();
    expect(await refusal(logProgramSession(token, { clientKey: randomUUID(), pain: "2" }, { now: tokenExpiresAt, ipAddress: null }))).toMatchObject({ code: "NOT_FOUND", status: 404 });
  });

  it("logs a session once per form, and refuses a pain outside 0–10 with a 400 that says why, writing nothing", async () => {
    const { token, id } = await assign(await bookVisit("2026-10-28T17:00:00Z"));
    const ctx = { now: new Date("2026-10-30T12:00:00Z"), ipAddress: null };
    const clientKey = randomUUID();
    expect(await logProgramSession(token, { clientKey, pain: "4", note: " Knee fine " }, ctx)).toEqual({ logged: true });
    expect(await logProgramSession(token, { clientKey, pain: "4", note: " Knee fine " }, ctx)).toEqual({ logged: false });
    expect(await getPrisma().exerciseSessionLog.findMany({ where: { programId: id }, select: { pain: true, note: true } })).toEqual([{ pain: 4, note: "Knee fine" }]);

    for (const pain of ["11", "-1", "4.5", "", "ten"]) {
      const refused = await refusal(logProgramSession(token, { clientKey: randomUUID(), pain }, ctx));
      expect(refused, `pain ${JSON.stringify(pain)}`).toEqual({ code: "BAD_REQUEST", status: 400, message: "Choose how much it hurt, from 0 (no pain) to 10 (the worst pain)." });
    }
    expect(await refusal(logProgramSession(token, { clientKey: randomUUID(), pain: "3", note: "x".repeat(501) }, ctx))).toMatchObject({ code: "BAD_REQUEST", status: 400 });
    expect(await getPrisma().exerciseSessionLog.count({ where: { programId: id } })).toBe(1);
    // The database holds the same range, whatever writes to it.
    await expect(getPrisma().exerciseSessionLog.create({ data: { programId: id, clientKey: randomUUID(), pain: 11, doneAt: ctx.now } })).rejects.toThrow();
  });
});

describe("a link replayed many times", () => {
  it("logs at most twelve sessions of a program a day, refusing the next with a 429 that writes nothing, and logs again the next day", async () => {
    const { token, id } = await assign(await bookVisit("2026-10-28T19:00:00Z"));
    const at = (iso: string) => ({ now: new Date(iso), ipAddress: null });
    for (let i = 0; i < PROGRAM_LOGS_PER_DAY; i++) {
      expect(await logProgramSession(token, { clientKey: randomUUID(), pain: "2" }, at("2026-10-30T12:00:00Z"))).toEqual({ logged: true });
    }
    // 13:00 UTC: the counter's day ends in 11 hours.
    expect(await refusal(logProgramSession(token, { clientKey: randomUUID(), pain: "2" }, at("2026-10-30T13:00:00Z")))).toMatchObject({
      code: "RATE_LIMITED",
      status: 429,
      message: "This program has logged 12 sessions within a day, the most it takes: log the next one in 11 hours.",
    });
    expect(await getPrisma().exerciseSessionLog.count({ where: { programId: id } })).toBe(PROGRAM_LOGS_PER_DAY);
    expect(await logProgramSession(token, { clientKey: randomUUID(), pain: "2" }, at("2026-10-31T12:00:00Z"))).toEqual({ logged: true });
  });
});

describe("adherence this week", () => {
  it("counts the sessions of the location's Monday-to-Sunday week, the week the clocks go back included, with the last pain ratings in order", async () => {
    const { token, id } = await assign(await bookVisit("2026-10-29T15:00:00Z"), { sessionsPerWeek: "5" });
    const log = (at: string, pain: number) => logProgramSession(token, { clientKey: randomUUID(), pain: String(pain) }, { now: new Date(at), ipAddress: null });
    // Denver's week runs from Monday 26 October 00:00 MDT (06:00Z) to Monday 2 November 00:00 MST (07:00Z): 169 hours.
    await log("2026-10-26T05:30:00Z", 7); // Sunday 25th, 23:30 MDT: last week
    await log("2026-10-26T06:30:00Z", 6); // Monday 26th, 00:30 MDT
    await log("2026-10-29T01:00:00Z", 5); // Wednesday 28th, 19:00 MDT (Thursday in UTC)
    await log("2026-11-02T06:30:00Z", 4); // Sunday 1st, 23:30 MST (Monday in UTC)
    await log("2026-11-02T07:30:00Z", 3); // Monday 2nd, 00:30 MST: next week

    const patientId = (await getPrisma().exerciseProgram.findUniqueOrThrow({ where: { id } })).patientId;
    const during = await programProgressFor([patientId], new Date("2026-11-01T20:00:00Z"));
    expect(during.get(patientId)).toEqual({ programId: id, sessionsPerWeek: 5, doneThisWeek: 3, painTrend: [6, 5, 4, 3] });
    const nextWeek = await programProgressFor([patientId], new Date("2026-11-02T07:10:00Z"));
    expect(nextWeek.get(patientId)?.doneThisWeek).toBe(1);
    // After its last day (16 November in Denver) the program is no longer current.
    expect((await programProgressFor([patientId], new Date("2026-11-17T08:00:00Z"))).has(patientId)).toBe(false);
  });

  it("is shown on the visit's program form, and reading it is audited", async () => {
    const appointmentId = await bookVisit("2026-10-29T17:00:00Z");
    const { token } = await assign(appointmentId, { sessionsPerWeek: "2" });
    await logProgramSession(token, { clientKey: randomUUID(), pain: "4" }, { now: new Date("2026-10-27T18:00:00Z"), ipAddress: null });
    const form = await findVisitProgramForm(therapist, appointmentId, { now: new Date("2026-10-28T18:00:00Z"), ipAddress: "192.0.2.11" });
    expect(form.current).toMatchObject({ sessionsPerWeek: 2, doneThisWeek: 1, painTrend: [4] });
    expect(await getPrisma().auditLog.count({ where: { entityId: appointmentId, action: "exercise-program.view" } })).toBe(1);
  });
});

describe("the program's email", () => {
  it("carries the link that opens the program, in the program's language, with each exercise's dose", async () => {
    const { message } = await assign(await bookVisit("2026-10-30T15:00:00Z"));
    const sender = { practiceName: "Border Therapy", phone: null, email: null, address: null, cancellationPolicy: { en: null, es: null } };
    const composed = await composeHomeProgram(getPrisma(), message, sender);
    if (!("subject" in composed)) throw new Error(`not composed: ${JSON.stringify(composed)}`);
    expect(composed.subject).toBe("Sus ejercicios en casa");
    expect(composed.text).toContain("Mantenga 20–30 segundos, 2–3 veces de cada lado.");
    const token = /\/es\/program\/([A-Za-z0-9_-]{43})/.exec(composed.text)?.[1];
    expect(token).toBeDefined();
    expect(await findPatientProgram(token!, new Date("2026-10-30T12:00:00Z"))).not.toBeNull();
  });
});
