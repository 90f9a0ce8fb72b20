import { z } from "zod";
import type { ErrorCode } from "../booking/api-types";
import { BOOKING_LOOKUP_ANSWER, bookingLookupSchema } from "../booking-lookup/schema";
import { availabilityQuerySchema, cancelBookingSchema, createBookingSchema, rescheduleBookingSchema } from "../booking/schema";

// The public API's contract. Request bodies come from the same zod schemas
// the handlers validate with, so the document cannot promise what the code
// refuses.

const body = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });

const slot = {
  type: "object",
  required: ["start", "end", "therapistId", "locationId", "changeableOnlineUntil", "changeableOnline"],
  properties: {
    start: { type: "string", format: "date-time", example: "2026-11-24T09:00:00-07:00" },
    end: { type: "string", format: "date-time" },
    therapistId: { type: "string", format: "uuid" },
    locationId: { type: "string", format: "uuid" },
    changeableOnlineUntil: {
      type: "string",
      format: "date-time",
      description: "Once booked, the last instant the visit can be changed or cancelled online: the start minus the service's cancellation cut-off, with the location's offset.",
      example: "2026-11-23T09:00:00-07:00",
    },
    changeableOnline: {
      type: "boolean",
      description: "False when that instant had already passed when the server answered: a visit booked at this time cannot be changed or cancelled online afterwards.",
    },
  },
};

/** Every code an error body may carry; the check below fails the type-check when ErrorCode gains one not listed here. */
const errorCodes = [
  "BAD_REQUEST", "VALIDATION_FAILED", "NOT_FOUND", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE", "SLOT_TAKEN", "SLOT_UNAVAILABLE", "PATIENT_BUSY", "OUTSIDE_AREA",
  "NOT_ELIGIBLE", "FORM_ALREADY_USED", "TOO_LATE_TO_CHANGE", "ALREADY_CANCELLED", "STALE", "INVALID_TRANSITION", "RATE_LIMITED", "PAYMENT_UNAVAILABLE", "PACKAGE_USED_UP",
  "PAYMENT_DECLINED", "ROOM_NOT_OPEN", "ROOM_IN_USE", "FORBIDDEN", "UNAUTHORIZED", "INTERNAL",
] as const satisfies readonly ErrorCode[];
const everyErrorCodeListed: Exclude<ErrorCode, (typeof errorCodes)[number]> extends never ? true : never = true;
void everyErrorCodeListed;

const joinUrl = {
  type: ["string", "null"],
  format: "uri",
  description: "For a VIDEO visit, the patient's link into the video room (`/visit/<token>`); it opens 15 minutes before the start. Null for other visits.",
  example: "https://clinic.example/visit/3q2-7wJ8yXo1vN0cKpZtQh5eLrUaBfGsDmIjWkTn4bE",
};

const localized = { type: "object", required: ["en", "es"], properties: { en: { type: "string" }, es: { type: "string" } } };
const visitMode = { type: "string", enum: ["CLINIC", "HOME", "VIDEO"] };

const money = (description: string) => ({ type: "integer", minimum: 0, description });

/** How a service is paid for and what a late cancellation or a missed visit costs (PaymentTermsDto). */
const paymentTerms = {
  type: "object",
  required: ["rule", "depositCents", "depositPercent", "online", "fees"],
  properties: {
    rule: { type: "string", enum: ["NONE", "FULL", "DEPOSIT", "CARD_ON_FILE"], description: "What the service asks online when booking: nothing, the full price, a deposit, or a card saved for fees." },
    depositCents: { type: ["integer", "null"], description: "A DEPOSIT rule's amount, when it is an amount." },
    depositPercent: { type: ["integer", "null"], minimum: 1, maximum: 100, description: "A DEPOSIT rule's share of the price, when it is a percent." },
    online: {
      type: "object",
      required: ["kind"],
      description: "What the patient is asked for online now. `at-clinic`: the price is paid where the visit happens (the NONE rule, or online payment is off on this server). A percent deposit is rounded half a cent up to whole cents.",
      properties: {
        kind: { type: "string", enum: ["nothing", "at-clinic", "full", "deposit", "card", "package"] },
        amountCents: money("For `full` and `deposit`: the amount paid online."),
        restCents: money("For `deposit`: what is left to pay at the visit."),
      },
    },
    fees: {
      type: ["object", "null"],
      description: "The practice's fees for this visit, in the service's currency; null when none apply (the NONE rule, or no fees).",
      properties: {
        lateCancelWindowMinutes: { type: "integer", description: "A cancellation less than this long before the start is late." },
        lateCancelFeeCents: money("Kept from what was paid, or charged to the saved card, for a late cancellation."),
        noShowFeeCents: money("The same for a missed visit."),
      },
    },
  },
};

const service = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    slug: { type: "string" },
    name: localized,
    description: localized,
    durationMinutes: { type: "integer" },
    priceCents: { type: "integer", description: "The service's price in the currency's smallest unit; 0 is free." },
    currency: { type: "string", example: "USD" },
    visitModes: { type: "array", items: visitMode },
    newPatientsOnly: { type: "boolean" },
    cancelCutoffMinutes: { type: "integer", description: "How long before the start online changes and cancellations close." },
    payment: paymentTerms,
  },
};

const location = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    slug: { type: "string" },
    name: { type: "string" },
    address: {
      type: "object",
      properties: {
        line1: { type: "string" },
        line2: { type: ["string", "null"] },
        city: { type: "string" },
        region: { type: "string" },
        postalCode: { type: "string" },
        country: { type: "string" },
      },
    },
    phone: { type: ["string", "null"] },
    timeZone: { type: "string", example: "America/Denver" },
    homePostalCodes: { type: "array", items: { type: "string" } },
  },
};

const booking = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    status: { type: "string", enum: ["BOOKED", "CHECKED_IN", "COMPLETED", "CANCELLED", "NO_SHOW"] },
    start: { type: "string", format: "date-time" },
    end: { type: "string", format: "date-time" },
    timeZone: { type: "string" },
    mode: visitMode,
    language: { type: "string", enum: ["en", "es"] },
    reason: { type: ["string", "null"] },
    service: {
      type: "object",
      properties: {
        id: { type: "string" },
        slug: { type: "string" },
        name: localized,
        durationMinutes: { type: "integer" },
        priceCents: { type: "integer", description: "The service's price today in the currency's smallest unit; 0 is free." },
        currency: { type: "string", example: "USD" },
        cancelCutoffMinutes: { type: "integer", description: "How long before the start online changes and cancellations close." },
        payment: paymentTerms,
      },
    },
    therapist: { type: "object", properties: { id: { type: "string" }, firstName: { type: "string" }, lastName: { type: "string" }, credentials: { type: "string" } } },
    location,
    patient: { type: "object", properties: { firstName: { type: "string" }, lastName: { type: "string" } } },
    visitAddress: { type: ["object", "null"] },
    canChange: { type: "boolean", description: "Whether the patient may still reschedule or cancel online." },
    changeDeadline: { type: "string", format: "date-time" },
    cancellationReason: { type: ["string", "null"] },
    manageUrl: { type: "string", format: "uri" },
    joinUrl,
  },
};

const error = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", enum: [...errorCodes] },
        message: { type: "string", description: "A sentence a person can act on." },
        fields: { type: "object", additionalProperties: { type: "string" }, description: "Per-field messages, keyed by the field's path." },
      },
    },
    alternatives: { type: "array", items: slot, description: "With SLOT_TAKEN, SLOT_UNAVAILABLE and PATIENT_BUSY: the nearest free times." },
  },
};

const json = (schema: object) => ({ content: { "application/json": { schema } } });
const errorResponse = (description: string) => ({ description, ...json(error) });
/** Every route that reads a body: bodies are JSON, and bounded before they are read. */
const bodyErrors = {
  413: errorResponse("PAYLOAD_TOO_LARGE: the body is over 64 KB"),
  415: errorResponse("UNSUPPORTED_MEDIA_TYPE: a body sent without Content-Type: application/json"),
};
const tokenParam = { name: "token", in: "path", required: true, description: "The private token from the manage link.", schema: { type: "string" } };

function queryParameters(schema: z.ZodType) {
  const js = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({ name, in: "query", required: js.required?.includes(name) ?? false, schema: s }));
}

export function buildOpenApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Stride public booking API",
      version: "1.0.0",
      description:
        "Find open times and book, reschedule or cancel visits without an account. Times are ISO 8601 with the location's UTC offset. Booking writes are rate-limited per client address (429 with Retry-After).",
    },
    servers: [{ url: serverUrl }],
    paths: {
      "/api/services": { get: { summary: "Services offered", responses: { 200: { description: "Active services", ...json({ type: "object", properties: { services: { type: "array", items: service } } }) } } } },
      "/api/locations": { get: { summary: "Locations with their time zones and home-visit areas", responses: { 200: { description: "Active locations", ...json({ type: "object", properties: { locations: { type: "array", items: location } } }) } } } },
      "/api/therapists": {
        get: {
          summary: "Therapists, optionally by location, service and visit mode",
          parameters: [
            { name: "location", in: "query", schema: { type: "string", format: "uuid" } },
            { name: "service", in: "query", schema: { type: "string" }, description: "Service id or slug" },
            { name: "mode", in: "query", schema: visitMode },
          ],
          responses: { 200: { description: "Active therapists", ...json({ type: "object", properties: { therapists: { type: "array" } } }) }, 400: errorResponse("Bad query") },
        },
      },
      "/api/reasons": { get: { summary: "Common reasons for a visit", responses: { 200: { description: "Reasons in English and Spanish", ...json({ type: "object" }) } } } },
      "/api/availability": {
        get: {
          summary: "Open times for a service",
          description:
            "Without `therapist`, one slot per start time (first available therapist). Days are read in each location's time zone. Without `location`, every location is searched: use this for `mode=VIDEO`, where the patient does not travel, and book each slot with its own `locationId`.",
          parameters: queryParameters(availabilityQuerySchema),
          responses: {
            200: { description: "Open slots", ...json({ type: "object", required: ["timeZone", "slots"], properties: { timeZone: { type: "string" }, slots: { type: "array", items: slot } } }) },
            400: errorResponse("The query is malformed"),
            404: errorResponse("Unknown service or location"),
            422: errorResponse("Mode not offered, or the postal code is outside every home-visit area"),
          },
        },
      },
      "/api/bookings": {
        post: {
          summary: "Book a visit",
          description:
            "A VIDEO visit gets no room and no address; the answer carries its `joinUrl`. The answer says nothing about whether the details match a known patient: a time the patient is already busy at is refused as SLOT_TAKEN, and a returning patient booking a new-patients-only service is booked and flagged for the clinic to follow up. Sending the identical body again with the same `idempotencyKey` within 24 hours answers 201 with the original booking and the same manage link, changing nothing; the same key with a different body, or after 24 hours, is refused with FORM_ALREADY_USED. With `packageCode` (the code of a package the patient bought) the visit is paid by the package: booked at once (201) without a checkout, one visit taken off its balance.",
          requestBody: { required: true, ...json(body(createBookingSchema)) },
          responses: {
            201: {
              description: "Booked",
              ...json({
                type: "object",
                required: ["id", "start", "end", "therapistId", "manageUrl", "manageToken", "joinUrl"],
                properties: {
                  id: { type: "string" },
                  start: { type: "string" },
                  end: { type: "string" },
                  therapistId: { type: "string" },
                  manageUrl: { type: "string" },
                  manageToken: { type: "string" },
                  joinUrl,
                },
              }),
            },
            202: {
              description:
                "The service is paid (in full or by deposit) or secured with a card online: the time is held until `holdExpiresAt` and nothing is booked yet. The patient pays at `checkoutUrl`; the payment books the visit, and the manage link opens it from then on. The identical body sent again with the same `idempotencyKey` while the hold lives answers the same checkout.",
              ...json({
                type: "object",
                required: ["status", "id", "start", "end", "therapistId", "checkoutUrl", "holdExpiresAt", "payment", "manageUrl", "manageToken"],
                properties: {
                  status: { type: "string", enum: ["PAYMENT_REQUIRED"] },
                  id: { type: "string" },
                  start: { type: "string" },
                  end: { type: "string" },
                  therapistId: { type: "string" },
                  checkoutUrl: { type: "string", format: "uri", description: "Stripe's hosted checkout page." },
                  holdExpiresAt: { type: "string", format: "date-time", description: "When the held time is let go if not paid for (the location's offset)." },
                  payment: {
                    type: "object",
                    required: ["kind"],
                    properties: {
                      kind: { type: "string", enum: ["full", "deposit", "card"] },
                      amountCents: { type: "integer", minimum: 1, description: "What is charged now (not with `card`)." },
                      currency: { type: "string", description: "The service's currency (not with `card`)." },
                    },
                  },
                  manageUrl: { type: "string" },
                  manageToken: { type: "string" },
                },
              }),
            },
            400: errorResponse("The body is not JSON"),
            404: errorResponse("Unknown service or location"),
            ...bodyErrors,
            409: errorResponse("SLOT_TAKEN, with alternatives; PACKAGE_USED_UP when the package has no visits left (nothing is booked)"),
            422: errorResponse("VALIDATION_FAILED with fields (including a mode the service does not offer, or a packageCode that cannot pay for this visit), SLOT_UNAVAILABLE, OUTSIDE_AREA or FORM_ALREADY_USED"),
            429: errorResponse("Too many booking writes from this address"),
            503: errorResponse("PAYMENT_UNAVAILABLE: Stripe could not be reached; nothing is held, and the same form may be sent again"),
          },
        },
      },
      "/api/bookings/lookup": {
        post: {
          summary: "Send an address the links to its upcoming visits (find my booking)",
          description:
            "When a patient has this email address (compared without regard to case; several patients may share one), it is sent one message listing their upcoming booked visits, each with its own manage link (and join link for video visits); a patient with none is told so, with a link to book. The answer is 202 with the same body whether or not the address is known, and an unknown address is sent nothing. Requests within a few minutes for one address send one message. Limited per client address and per email address.",
          requestBody: { required: true, ...json(body(bookingLookupSchema)) },
          responses: {
            202: {
              description: "Sent if known",
              ...json({ type: "object", required: ["status", "message"], properties: { status: { type: "string", enum: [BOOKING_LOOKUP_ANSWER.status] }, message: { type: "string", example: BOOKING_LOOKUP_ANSWER.message } } }),
            },
            400: errorResponse("The body is not JSON"),
            ...bodyErrors,
            422: errorResponse("VALIDATION_FAILED: not an email address, or a language other than en or es"),
            429: errorResponse("Too many requests from this address or for this email; see Retry-After"),
          },
        },
      },
      "/api/bookings/{token}": {
        parameters: [tokenParam],
        get: { summary: "The booking behind a manage link", responses: { 200: { description: "The booking", ...json(booking) }, 404: errorResponse("Unknown or expired link") } },
        patch: {
          summary: "Reschedule",
          description: "Frees the old time and takes the new one in one transaction. The manage link keeps working.",
          requestBody: { required: true, ...json(body(rescheduleBookingSchema)) },
          responses: {
            200: { description: "The moved booking", ...json(booking) },
            404: errorResponse("Unknown or expired link"),
            ...bodyErrors,
            409: errorResponse("SLOT_TAKEN (with alternatives), TOO_LATE_TO_CHANGE or ALREADY_CANCELLED"),
            422: errorResponse("Invalid input or a time that is not offered"),
            429: errorResponse("Too many booking writes from this address"),
          },
        },
        delete: {
          summary: "Cancel",
          requestBody: { required: false, ...json(body(cancelBookingSchema)) },
          responses: {
            200: { description: "The cancelled booking", ...json(booking) },
            404: errorResponse("Unknown or expired link"),
            ...bodyErrors,
            409: errorResponse("TOO_LATE_TO_CHANGE or ALREADY_CANCELLED"),
            429: errorResponse("Too many booking writes from this address"),
          },
        },
      },
      "/api/bookings/{token}/release": {
        parameters: [tokenParam],
        post: {
          summary: "Let a held time go (the patient left the checkout without paying)",
          description:
            "A time held for this link while its payment is awaited is freed at once, and its checkout closed. The answer is the same for any well-formed link (held, booked or unknown), and a booked visit is never changed.",
          responses: {
            200: { description: "Done (or nothing to do)", ...json({ type: "object", required: ["released"], properties: { released: { type: "boolean", enum: [true] } } }) },
            404: errorResponse("A malformed link"),
            ...bodyErrors,
            422: errorResponse("A body other than an empty object"),
            429: errorResponse("Too many booking writes from this address"),
          },
        },
      },
      "/api/programs/{token}/sessions": {
        parameters: [{ name: "token", in: "path", required: true, description: "The private token from the home program's link.", schema: { type: "string" } }],
        post: {
          summary: "Log a session of a home exercise program",
          description:
            "The patient did a session, with how much it hurt (0 to 10) and an optional note of up to 500 characters. clientKey (8 to 64 of A–Z, a–z, 0–9, - and _) is drawn once per form: the same key sent again logs nothing more.",
          requestBody: {
            required: true,
            ...json({
              type: "object",
              required: ["clientKey", "pain"],
              properties: { clientKey: { type: "string" }, pain: { type: "integer", minimum: 0, maximum: 10 }, note: { type: ["string", "null"], maxLength: 500 } },
            }),
          },
          responses: {
            201: { description: "Logged", ...json({ type: "object", required: ["logged"], properties: { logged: { type: "boolean", enum: [true] } } }) },
            200: { description: "Logged before with this clientKey", ...json({ type: "object", required: ["logged"], properties: { logged: { type: "boolean", enum: [false] } } }) },
            400: errorResponse("A pain outside 0–10, a note too long, or a body that is not JSON"),
            404: errorResponse("A link that opens no program, or no longer"),
            429: errorResponse("The program logged its most sessions within its day (a UTC day): the message says in how many hours it may log again"),
            ...bodyErrors,
            422: errorResponse("A field of the wrong type"),
          },
        },
      },
      "/api/bookings/{token}/ics": {
        parameters: [tokenParam],
        get: { summary: "The visit as an iCalendar file", responses: { 200: { description: "text/calendar", content: { "text/calendar": { schema: { type: "string" } } } }, 404: errorResponse("Unknown or expired link") } },
      },
    },
  };
}
