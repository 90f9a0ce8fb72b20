import { randomInt } from "node:crypto";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { startFakeTwilio, type FakeTwilio } from "@/test/fake-twilio";
import { createStaffMember } from "@/test/fixtures";
import { getPrisma } from "../db/client";
import { queueMessage, queueTestMessage } from "../messages/mutations";
import { COMPOSERS } from "../message-templates/registry";
import { sendMessage } from "../messages/send";
import { createTwilioProvider } from "./twilio-provider";
import type { SmsProvider } from "./provider";

// The real Twilio SDK, speaking HTTP to a fake Twilio on loopback.
vi.hoisted(() => {
  process.env.TWILIO_ACCOUNT_SID = `AC${"0".repeat(32)}`;
  process.env.TWILIO_AUTH_TOKEN = "0123456789abcdef0123456789abcdef";
  process.env.TWILIO_FROM = "+12015550100";
});
let twilio: FakeTwilio;
let provider: SmsProvider;
const FROM = "+12015550100";

beforeAll(async () => {
  twilio = await startFakeTwilio();
  provider = createTwilioProvider({ accountSid: twilio.accountSid, authToken: twilio.authToken, from: FROM, apiUrl: twilio.url });
});

afterAll(async () => {
  await twilio.close();
});

let counter = 0;
/** A fresh number per test, so tests own their rows (an opt-out outlives its test). */
function phone(): string {
  return `+1${2 + randomInt(8)}${String(randomInt(1e9)).padStart(9, "0")}`;
}

async function queueText(recipient = phone(), language: "en" | "es" = "en") {
  const id = await getPrisma().$transaction((tx) =>
    queueMessage(tx, { kind: "test", channel: "SMS", recipient, language, dedupeKey: `test:sms:${recipient}:${Date.now()}:${counter++}`, sendAfter: new Date() }),
  );
  return { id: id!, recipient };
}

const row = (id: string) => getPrisma().message.findUniqueOrThrow({ where: { id } });
const textsTo = (to: string) => twilio.received.filter((t) => t.to === to);

describe("sending a text message through Twilio", () => {
  it("hands the text to Twilio once and records Twilio's id", async () => {
    const { id, recipient } = await queueText(undefined, "es");
    expect(await sendMessage(id, COMPOSERS, undefined, provider)).toBe("sent");
    const [text, ...more] = textsTo(recipient);
    expect(more).toHaveLength(0);
    expect(text).toMatchObject({ from: FROM, messagingServiceSid: null });
    expect(text!.body).toMatch(/mensaje de prueba/);
    expect(await row(id)).toMatchObject({ status: "SENT", attempts: 1, providerMessageId: text!.sid, subject: null, lastError: null });
    expect(await sendMessage(id, COMPOSERS, undefined, provider)).toBe("not-queued");
    expect(textsTo(recipient)).toHaveLength(1);
  });

  it("sends through a Messaging Service when one is configured instead of a number", async () => {
    const service = `MG${"0".repeat(32)}`;
    const viaService = createTwilioProvider({ accountSid: twilio.accountSid, authToken: twilio.authToken, messagingServiceSid: service, apiUrl: twilio.url });
    const { id, recipient } = await queueText();
    expect(await sendMessage(id, COMPOSERS, undefined, viaService)).toBe("sent");
    expect(textsTo(recipient)[0]).toMatchObject({ from: null, messagingServiceSid: service });
  });

  it("marks a text Twilio refuses for good (an invalid number) failed, and does not try again", async () => {
    const { id, recipient } = await queueText();
    twilio.refuseNext({ status: 400, code: 21211, message: `The 'To' number ${recipient} is not a valid phone number.` });
    expect(await sendMessage(id, COMPOSERS, undefined, provider)).toBe("failed");
    const failed = await row(id);
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1, sentAt: null });
    expect(failed.lastError).toMatch(/not a valid phone number.*21211/);
    expect(await sendMessage(id, COMPOSERS, undefined, provider)).toBe("not-queued");
    expect(textsTo(recipient)).toHaveLength(0);
  });

  it("keeps a text queued when Twilio is in trouble or out of reach, and sends it on the retry", async () => {
    const { id, recipient } = await queueText();
    twilio.refuseNext({ status: 503, code: 20503, message: "Service unavailable" });
    expect(await sendMessage(id, COMPOSERS, undefined, provider)).toBe("retry");
    expect(await row(id)).toMatchObject({ status: "QUEUED", attempts: 1, lastError: expect.stringMatching(/Service unavailable/) });

    // Nothing listens at this address: the connection is refused, which may pass.
    const away = await startFakeTwilio();
    await away.close();
    const unreachable = createTwilioProvider({ accountSid: twilio.accountSid, authToken: twilio.authToken, from: FROM, apiUrl: away.url });
    expect(await sendMessage(id, COMPOSERS, undefined, unreachable)).toBe("retry");
    expect(await row(id)).toMatchObject({ status: "QUEUED", attempts: 2, lastError: expect.stringMatching(/ECONNREFUSED|connect/i) });

    expect(await sendMessage(id, COMPOSERS, undefined, provider)).toBe("sent");
    expect(await row(id)).toMatchObject({ status: "SENT", attempts: 3, lastError: null });
    expect(textsTo(recipient)).toHaveLength(1);
  });

  it("sends nothing to a number that answered STOP, and says why", async () => {
    const { id, recipient } = await queueText();
    await getPrisma().smsOptOut.create({ data: { phone: recipient } });
    expect(await sendMessage(id, COMPOSERS, undefined, provider)).toBe("skipped");
    expect(await row(id)).toMatchObject({ status: "SKIPPED", attempts: 0, lastError: expect.stringMatching(/answered STOP/) });
    expect(textsTo(recipient)).toHaveLength(0);
  });

  it("finds the opt-out of a number stored in another format, and sends in E.164", async () => {
    const national = `(201) 555-${String(randomInt(1e4)).padStart(4, "0")}`;
    const e164 = `+1${national.replace(/\D/g, "")}`;
    const first = await queueText(national);
    expect(await sendMessage(first.id, COMPOSERS, undefined, provider)).toBe("sent");
    expect(textsTo(e164)).toHaveLength(1);
    await getPrisma().smsOptOut.create({ data: { phone: e164 } });
    const second = await queueText(national);
    expect(await sendMessage(second.id, COMPOSERS, undefined, provider)).toBe("skipped");
    expect(textsTo(e164)).toHaveLength(1);
    await getPrisma().smsOptOut.delete({ where: { phone: e164 } });
  });

  it("skips a text when text messages are off, and sends email as before", async () => {
    const { id, recipient } = await queueText();
    expect(await sendMessage(id, COMPOSERS, undefined, null)).toBe("skipped");
    expect(await row(id)).toMatchObject({ status: "SKIPPED", lastError: expect.stringMatching(/Twilio is not configured/) });
    expect(textsTo(recipient)).toHaveLength(0);
  });
});

describe("an administrator's test text message", () => {
  const ctx = { now: new Date(), ipAddress: "198.51.100.7" };

  it("is queued to the number as typed, in E.164, once per form, and sent through Twilio", async () => {
    const admin = await createStaffMember("ADMIN");
    const form = { channel: "SMS" as const, recipient: `(201) 555-${String(randomInt(1e4)).padStart(4, "0")}`, language: "en" as const, formId: randomUUID() };
    expect(await queueTestMessage(admin, form, ctx)).toEqual({ queued: true });
    expect(await queueTestMessage(admin, form, ctx)).toEqual({ queued: false });
    const [message, ...more] = await getPrisma().message.findMany({ where: { requestedById: admin.id } });
    expect(more).toHaveLength(0);
    expect(message).toMatchObject({ channel: "SMS", kind: "test", recipient: `+1${form.recipient.replace(/\D/g, "")}` });
    expect(await sendMessage(message!.id, COMPOSERS, undefined, provider)).toBe("sent");
    expect(textsTo(message!.recipient).at(-1)!.body).toMatch(/this test message shows that Stride can send text messages/);
  });

  it("refuses a number no one could text, by its field", async () => {
    const admin = await createStaffMember("ADMIN");
    const refused = await queueTestMessage(admin, { channel: "SMS", recipient: "555-0100", language: "en", formId: randomUUID() }, ctx).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(z.ZodError);
    expect((refused as z.ZodError).issues).toEqual([expect.objectContaining({ path: ["recipient"], message: expect.stringMatching(/^Enter a phone number we can text or call/) })]);
    expect(await getPrisma().message.count({ where: { requestedById: admin.id } })).toBe(0);
  });
});
