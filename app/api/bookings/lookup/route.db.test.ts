import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { createPractice, patientInput } from "@/test/fixtures";
import { createBooking } from "@/lib/booking/mutations";
import { getPrisma } from "@/lib/db/client";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";
import { POST } from "./route";

// Find my booking as a client meets it: one status and one body for every address.

const noParams = { params: Promise.resolve({}) };

function request(body: unknown, init: { address?: string; contentType?: string } = {}) {
  return new Request("http://localhost:3000/api/bookings/lookup", {
    method: "POST",
    headers: { "content-type": init.contentType ?? "application/json", [CLIENT_ADDRESS_HEADER]: init.address ?? `203.0.113.${randomUUID().slice(0, 8)}` },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function answer(response: Response) {
  return { status: response.status, cache: response.headers.get("cache-control"), body: await response.text() };
}

describe("POST /api/bookings/lookup", () => {
  it("answers 202 with the same body for a known and an unknown address, and queues a message only for the known one", async () => {
    const practice = await createPractice({ timeZone: "America/Denver" });
    const patient = patientInput();
    const start = DateTime.now().setZone("America/Denver").plus({ days: 3 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 }).toISO({ suppressMilliseconds: true })!;
    await createBooking({ service: practice.service.id, start, mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient }, { now: new Date(), ipAddress: "127.0.0.1" });
    const unknown = `nobody-${randomUUID().slice(0, 8)}@example.com`;

    const known = await answer(await POST(request({ email: patient.email, language: "en" }), noParams));
    const stranger = await answer(await POST(request({ email: unknown, language: "en" }), noParams));
    expect(known).toEqual(stranger);
    expect(known.status).toBe(202);
    expect(JSON.parse(known.body)).toEqual({
      status: "sent-if-known",
      message: "If this address has visits with us, we have sent it a message with their links. Check your inbox and spam folder.",
    });
    expect(await getPrisma().message.count({ where: { kind: "lookup", recipient: patient.email } })).toBe(1);
    expect(await getPrisma().message.count({ where: { kind: "lookup", recipient: unknown } })).toBe(0);
  });

  it("answers 422 with a message a person can act on to an address that is not one", async () => {
    const response = await POST(request({ email: "not-an-email", language: "en" }), noParams);
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(body.error.fields.email).toBe("Enter a valid email address, e.g. name@example.com.");
    const missing = await (await POST(request({ language: "xx" }), noParams)).json();
    expect(missing.error.fields).toMatchObject({ email: "Enter your email address.", language: "Choose en or es." });
  });

  it("refuses a form post and a body that is not JSON", async () => {
    expect((await POST(request("email=a%40example.com", { contentType: "application/x-www-form-urlencoded" }), noParams)).status).toBe(415);
    expect((await POST(request("{nope"), noParams)).status).toBe(400);
  });

  it("answers 429 with Retry-After once an email address was asked for too often", async () => {
    const email = `limited-${randomUUID().slice(0, 8)}@example.com`;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await POST(request({ email, language: "en" }), noParams);
      statuses.push(response.status);
      if (response.status === 429) {
        expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
        expect((await response.json()).error).toMatchObject({ code: "RATE_LIMITED", message: expect.stringMatching(/^Too many requests to find a booking\. Please try again in \d+ minute\(s\)\.$/) });
      }
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
  });
});
