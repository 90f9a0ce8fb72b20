import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/client";
import { createBooking } from "@/lib/booking/mutations";
import { createExercise } from "@/lib/exercises/mutations";
import { assignProgram, programMessageKey } from "@/lib/exercise-programs/mutations";
import { messageLinkToken } from "@/lib/patient-links/tokens";
import { createPractice, createStaffMember, patientInput } from "@/test/fixtures";
import { serveRoute, type RouteServer } from "@/test/route-server";
import { POST } from "./route";

// The session log over real HTTP, behind the request guard every request passes in production.

let server: RouteServer;
let token = "";
let programId = "";

beforeAll(async () => {
  const practice = await createPractice({ timeZone: "America/Denver", hours: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], startMinute: 0, endMinute: 1440, visitModes: ["CLINIC"] }] });
  const therapist = await createStaffMember("THERAPIST", practice.therapists[0]!.id);
  const now = new Date();
  const visit = await createBooking(
    { service: practice.service.id, start: new Date(Math.ceil((now.getTime() + 2 * 86_400_000) / 3_600_000) * 3_600_000).toISOString(), mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient: patientInput() },
    { now, ipAddress: null },
  );
  const dose = { sets: 1, repetitionsMin: 2, repetitionsMax: 3, holdSecondsMin: 20, holdSecondsMax: 30, perSide: false };
  const { id: exerciseId } = await createExercise(therapist, { nameEn: "Stretch", nameEs: "Estiramiento", stepsEn: "Hold.", stepsEs: "Aguante.", ...dose }, { now, ipAddress: null });
  programId = randomUUID();
  await assignProgram(therapist, { appointmentId: visit.id, formId: programId, language: "en", sessionsPerWeek: 3, weeks: 2, items: [{ exerciseId, ...dose }] }, { now, ipAddress: null });
  const message = await getPrisma().message.findUniqueOrThrow({ where: { dedupeKey: programMessageKey(programId) } });
  token = messageLinkToken(message.id, "program", programId);
  server = await serveRoute((request) => POST(request, { params: Promise.resolve({ token: new URL(request.url).pathname.split("/")[3]! }) }));
});

afterAll(async () => {
  await server?.close();
});

const post = (pathToken: string, body: unknown) =>
  fetch(`${server.origin}/api/programs/${pathToken}/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const logged = () => getPrisma().exerciseSessionLog.count({ where: { programId } });

describe("POST /api/programs/{token}/sessions", () => {
  it("refuses a pain outside 0–10 with 400 and a message a person can act on, writing nothing", async () => {
    for (const pain of [11, -1, 4.5, "ten"]) {
      const response = await post(token, { clientKey: randomUUID(), pain });
      expect(response.status, `pain ${JSON.stringify(pain)}`).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "BAD_REQUEST", message: "Choose how much it hurt, from 0 (no pain) to 10 (the worst pain)." } });
    }
    expect(await logged()).toBe(0);
  });

  it("logs a session once for a key sent twice: 201, then 200", async () => {
    const clientKey = randomUUID();
    const first = await post(token, { clientKey, pain: 4, note: "Fine" });
    const again = await post(token, { clientKey, pain: 4, note: "Fine" });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(await again.json()).toEqual({ logged: false });
    expect(await logged()).toBe(1);
  });

  it("answers a wrong token with a 404 that says nothing about any program", async () => {
    const response = await post("A".repeat(43), { clientKey: randomUUID(), pain: 4 });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: "This link does not open a program." } });
  });
});
