import { randomBytes, randomInt } from "node:crypto";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPractice, uniq } from "@/test/fixtures";
import { getPrisma } from "@/lib/db/client";
import { serveRoute, type RouteServer } from "@/test/route-server";

// Twilio's signed webhook over real HTTP: a Node server in front of the route
// handler, with the request guard every request passes in production.
const AUTH_TOKEN = vi.hoisted(() => {
  const token = "f".repeat(8) + Date.now().toString(16).padStart(24, "0");
  process.env.TWILIO_ACCOUNT_SID = `AC${"0".repeat(32)}`;
  process.env.TWILIO_AUTH_TOKEN = token;
  process.env.TWILIO_FROM = "+12015550100";
  return token;
});

const { POST } = await import("./route");

let server: RouteServer;
let base: string;
/** What Twilio was told to call: the app's public address, not the loopback one the test reaches it at. */
const PUBLIC_URL = `${process.env.PUBLIC_BASE_URL}/api/sms/inbound`;

beforeAll(async () => {
  server = await serveRoute(POST);
  base = server.origin;
});

afterAll(async () => {
  await server.close();
});

const phone = () => `+1${2 + randomInt(8)}${String(randomInt(1e9)).padStart(9, "0")}`;

function twilioParams(from: string, body: string): Record<string, string> {
  return {
    AccountSid: process.env.TWILIO_ACCOUNT_SID!,
    ApiVersion: "2010-04-01",
    Body: body,
    From: from,
    MessageSid: `SM${randomBytes(16).toString("hex")}`,
    NumMedia: "0",
    NumSegments: "1",
    SmsStatus: "received",
    To: process.env.TWILIO_FROM!,
  };
}

/** Posts as Twilio does: form-encoded, signed over the public URL and the parameters. */
async function post(params: Record<string, string>, options: { token?: string; signature?: string } = {}) {
  const signature = options.signature ?? twilio.getExpectedTwilioSignature(options.token ?? AUTH_TOKEN, PUBLIC_URL, params);
  return fetch(`${base}/api/sms/inbound`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
    body: new URLSearchParams(params).toString(),
  });
}

/** A booked visit `days` ahead that a text was sent about to `to`. */
async function visitTextedTo(to: string, days: number, options: { language?: "en" | "es"; sent?: boolean } = {}) {
  const practice = await createPractice();
  const patient = await getPrisma().patient.create({
    data: { firstName: "Rosa", lastName: uniq("Text"), email: `${uniq("t")}@example.com`, phone: to, dateOfBirth: new Date("1980-02-03") },
  });
  const startsAt = new Date(Date.UTC(2030, 0, 1, 15) + days * 86_400_000);
  const endsAt = new Date(startsAt.getTime() + 45 * 60_000);
  const visit = await getPrisma().appointment.create({
    data: {
      patientId: patient.id, therapistId: practice.therapists[0]!.id, serviceId: practice.service.id, locationId: practice.location.id, mode: "CLINIC",
      startsAt, endsAt, blockedFrom: startsAt, blockedUntil: endsAt, source: "STAFF", manageTokenHash: uniq("hash"), manageTokenExpiresAt: endsAt, language: options.language ?? "en",
    },
  });
  const sent = options.sent ?? true;
  await getPrisma().message.create({
    data: { kind: "test", channel: "SMS", recipient: to, dedupeKey: uniq("text"), sendAfter: new Date(), appointmentId: visit.id, status: sent ? "SENT" : "QUEUED", sentAt: sent ? new Date() : null },
  });
  return visit;
}

const appointment = (id: string) => getPrisma().appointment.findUniqueOrThrow({ where: { id } });
const auditCount = () => getPrisma().auditLog.count();
const optOutCount = () => getPrisma().smsOptOut.count();

describe("POST /api/sms/inbound", () => {
  it("records C on the next visit a text was sent about, audited as the patient, and thanks them in the visit's language", async () => {
    const from = phone();
    const later = await visitTextedTo(from, 30);
    const next = await visitTextedTo(from, 10, { language: "es" });
    const response = await post(twilioParams(from, " c "));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/xml/);
    const xml = await response.text();
    expect(xml).toMatch(/<Response><Message>Gracias: su cita del .+ queda confirmada\.<\/Message><\/Response>/);

    expect((await appointment(next.id)).patientConfirmedAt).toBeInstanceOf(Date);
    expect((await appointment(next.id)).changeRequestedAt).toBeNull();
    expect((await appointment(later.id)).patientConfirmedAt).toBeNull();
    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { entityId: next.id, action: "appointment.patient-confirm" } });
    expect(audit).toMatchObject({ staffUserId: null, actor: "patient by text message", patientId: next.patientId });
  });

  it("records R as a change request", async () => {
    const from = phone();
    const visit = await visitTextedTo(from, 5);
    const response = await post(twilioParams(from, "R"));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("we will contact you to change your visit");
    const row = await appointment(visit.id);
    expect(row.changeRequestedAt).toBeInstanceOf(Date);
    expect(row.patientConfirmedAt).toBeNull();
    expect(await getPrisma().auditLog.count({ where: { entityId: visit.id, action: "appointment.change-request" } })).toBe(1);
  });

  it("lets a later answer replace an earlier one, as the reminder's links do, and records a repeated answer once", async () => {
    const from = phone();
    const visit = await visitTextedTo(from, 6);
    expect((await post(twilioParams(from, "C"))).status).toBe(200);
    expect((await post(twilioParams(from, "R"))).status).toBe(200);
    let row = await appointment(visit.id);
    expect(row.changeRequestedAt).toBeInstanceOf(Date);
    expect(row.patientConfirmedAt).toBeNull();
    expect((await post(twilioParams(from, "C"))).status).toBe(200);
    row = await appointment(visit.id);
    expect(row.patientConfirmedAt).toBeInstanceOf(Date);
    expect(row.changeRequestedAt).toBeNull();
    const before = await getPrisma().auditLog.count({ where: { entityId: visit.id } });
    expect((await post(twilioParams(from, "C"))).status).toBe(200);
    expect(await getPrisma().auditLog.count({ where: { entityId: visit.id } })).toBe(before);
  });

  it("finds no visit for a number no text was sent to, or whose text is still waiting, and changes nothing", async () => {
    const from = phone();
    const waiting = await visitTextedTo(from, 5, { sent: false });
    const response = await post(twilioParams(from, "C"));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("We found no upcoming visit");
    expect((await appointment(waiting.id)).patientConfirmedAt).toBeNull();
  });

  it("STOP records an opt-out (Twilio answers it), and START removes it", async () => {
    const from = phone();
    const stop = await post(twilioParams(from, "Stop"));
    expect(stop.status).toBe(200);
    expect(await stop.text()).not.toContain("<Message>");
    expect(await getPrisma().smsOptOut.findUnique({ where: { phone: from } })).not.toBeNull();
    expect(await getPrisma().auditLog.count({ where: { entityId: from, action: "sms.opt-out" } })).toBe(1);
    // Twilio's other opt-out words do the same; a second one changes nothing.
    expect((await post(twilioParams(from, "UNSUBSCRIBE"))).status).toBe(200);
    expect(await getPrisma().smsOptOut.count({ where: { phone: from } })).toBe(1);

    expect((await post(twilioParams(from, "start"))).status).toBe(200);
    expect(await getPrisma().smsOptOut.findUnique({ where: { phone: from } })).toBeNull();
  });

  it("refuses a request that Twilio did not sign, or signed for other parameters, with 403, and writes nothing", async () => {
    const from = phone();
    const visit = await visitTextedTo(from, 5);
    const [audits, optOuts] = [await auditCount(), await optOutCount()];

    const wrongToken = await post(twilioParams(from, "C"), { token: "0".repeat(32) });
    expect(wrongToken.status).toBe(403);
    expect((await wrongToken.json()).error.code).toBe("FORBIDDEN");
    expect((await post(twilioParams(from, "STOP"), { signature: "" })).status).toBe(403);
    // Signed for "C", delivered as "STOP".
    const signedFor = twilioParams(from, "C");
    const tampered = await post({ ...signedFor, Body: "STOP" }, { signature: twilio.getExpectedTwilioSignature(AUTH_TOKEN, PUBLIC_URL, signedFor) });
    expect(tampered.status).toBe(403);
    // Signed for another address than the app's public one.
    const elsewhere = twilioParams(from, "C");
    expect((await post(elsewhere, { signature: twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${base}/api/sms/inbound`, elsewhere) })).status).toBe(403);

    expect((await appointment(visit.id)).patientConfirmedAt).toBeNull();
    expect(await getPrisma().smsOptOut.findUnique({ where: { phone: from } })).toBeNull();
    expect([await auditCount(), await optOutCount()]).toEqual([audits, optOuts]);
  });

  it("answers 413 to a body larger than a text message sends, declared or chunked, and 415 to one that is not a form", async () => {
    const params = { ...twilioParams(phone(), "C"), Body: "x".repeat(40 * 1024) };
    expect((await post(params)).status).toBe(413);
    const encoded = new TextEncoder().encode(new URLSearchParams(params).toString());
    const chunked = await fetch(`${base}/api/sms/inbound`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": "x" },
      body: new ReadableStream({ start(c) { c.enqueue(encoded); c.close(); } }),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
    const json = await fetch(`${base}/api/sms/inbound`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(json.status).toBe(415);
  });

  it("answers a signed request without Twilio's fields with 422 and their names", async () => {
    const params = { From: phone(), Body: "C" };
    const response = await post(params);
    expect(response.status).toBe(422);
    expect((await response.json()).error.fields).toHaveProperty("MessageSid");
  });
});
