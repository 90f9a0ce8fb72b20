import { describe, expect, it } from "vitest";
import { VISIT_NOTE_MAX_CHARS, visitFormSchema, visitNoteSchema } from "./schema";

const id = "5b0f7c1e-8d1a-4c43-9f0e-2a7f3b6d9c10";
const seen = "2026-11-23T15:04:05.123Z";

describe("visitNoteSchema", () => {
  it("trims the note and accepts exactly the limit", () => {
    expect(visitNoteSchema.parse({ appointmentId: id, body: "  Knee better.  " }).body).toBe("Knee better.");
    expect(visitNoteSchema.safeParse({ appointmentId: id, body: "x".repeat(VISIT_NOTE_MAX_CHARS) }).success).toBe(true);
  });

  it("refuses an empty note, one over the limit, and an id that is not one", () => {
    expect(visitNoteSchema.safeParse({ appointmentId: id, body: "   " }).error?.issues[0]?.message).toBe("Write the note before saving it.");
    expect(visitNoteSchema.safeParse({ appointmentId: id, body: "x".repeat(VISIT_NOTE_MAX_CHARS + 1) }).error?.issues[0]?.message).toBe(
      "Keep the note to 5000 characters or fewer.",
    );
    expect(visitNoteSchema.safeParse({ appointmentId: "42", body: "ok" }).success).toBe(false);
  });
});

describe("visitFormSchema", () => {
  it("lets a visit be marked complete without a note, but not a bare Save note", () => {
    expect(visitFormSchema.parse({ appointmentId: id, body: "", intent: "complete", expectedUpdatedAt: seen })).toEqual({
      appointmentId: id,
      body: "",
      intent: "complete",
      expectedUpdatedAt: new Date(seen),
    });
    expect(visitFormSchema.safeParse({ appointmentId: id, body: " ", intent: "save", expectedUpdatedAt: seen }).error?.issues[0]?.path).toEqual(["body"]);
  });

  it("keeps the millisecond the screen showed, so a stale screen is noticed", () => {
    const parsed = visitFormSchema.parse({ appointmentId: id, body: "x", intent: "save", expectedUpdatedAt: seen });
    expect(parsed.expectedUpdatedAt.getTime()).toBe(Date.parse(seen));
  });

  it("refuses an unknown intent and a missing timestamp", () => {
    expect(visitFormSchema.safeParse({ appointmentId: id, body: "x", intent: "delete", expectedUpdatedAt: seen }).success).toBe(false);
    expect(visitFormSchema.safeParse({ appointmentId: id, body: "x", intent: "save" }).success).toBe(false);
  });
});
