import { z } from "zod";

// What browser tabs may send to a video room. Session descriptions and ICE
// candidates are passed on to the other tab untouched, so they are bounded
// in shape and size here rather than trusted.

const sessionDescription = z.object({
  type: z.enum(["offer", "answer"], { error: "A session description is an offer or an answer." }),
  sdp: z.string().min(1).max(60_000, "The session description is too large."),
});

const iceCandidate = z.object({
  candidate: z.string().max(2_000),
  sdpMid: z.string().max(64).nullable().optional(),
  sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
  usernameFragment: z.string().max(256).nullable().optional(),
});

export const signalInputSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ to: z.uuid({ error: "Name the tab the message is for." }), kind: z.literal("description"), payload: sessionDescription }),
    z.object({ to: z.uuid({ error: "Name the tab the message is for." }), kind: z.literal("candidate"), payload: iceCandidate }),
    // "I am (back) here: start a connection with me."
    z.object({ to: z.uuid({ error: "Name the tab the message is for." }), kind: z.literal("hello"), payload: z.object({}).strict() }),
  ],
  { error: "Send kind description, candidate or hello." },
);
export type SignalInput = z.infer<typeof signalInputSchema>;

export const pollQuerySchema = z.object({
  /** The last signal id this tab has handled; everything up to it may be forgotten. */
  after: z.coerce.number({ error: "'after' must be a signal id." }).int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  /** The room version this tab last saw; the answer waits until something differs. */
  known: z.string().max(300).optional(),
  /** Answer at once instead of waiting for news. */
  wait: z.enum(["0", "1"]).default("1"),
});

export const participantKeySchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "The room key is missing or malformed.");

export const patientJoinSchema = z.object({
  /** A tab coming back after a reload or a dropped network proves it is the same tab. */
  resume: z.object({ participantId: z.uuid(), key: participantKeySchema }).optional(),
});

export const admitSchema = z.object({
  participantId: z.uuid({ error: "Name the waiting patient's tab." }),
});
