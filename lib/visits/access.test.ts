import { describe, expect, it } from "vitest";
import type { StaffMember } from "../auth/mutations";
import { AppError } from "../errors/app-error";
import { assertMayHandleVisitNote, therapistIdForAgenda } from "./access";

const member = (role: StaffMember["role"], therapistId: string | null = null): StaffMember => ({
  id: "u",
  name: "N",
  email: "n@clinic.test",
  role,
  therapistId,
  sessionId: "s",
});

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

const visit = { therapistId: "t-1" };

describe("assertMayHandleVisitNote", () => {
  it("lets the visit's own therapist and any administrator in", () => {
    expect(codeOf(() => assertMayHandleVisitNote(member("THERAPIST", "t-1"), visit))).toBeNull();
    expect(codeOf(() => assertMayHandleVisitNote(member("ADMIN"), visit))).toBeNull();
  });

  it("hides the visit from another therapist and from an unlinked therapist account", () => {
    expect(codeOf(() => assertMayHandleVisitNote(member("THERAPIST", "t-2"), visit))).toBe("NOT_FOUND");
    expect(codeOf(() => assertMayHandleVisitNote(member("THERAPIST"), visit))).toBe("NOT_FOUND");
  });

  it("refuses the front desk outright", () => {
    expect(codeOf(() => assertMayHandleVisitNote(member("FRONT_DESK"), visit))).toBe("FORBIDDEN");
  });
});

describe("therapistIdForAgenda", () => {
  it("answers the therapist's own id and refuses everyone else", () => {
    expect(therapistIdForAgenda(member("THERAPIST", "t-1"))).toBe("t-1");
    expect(codeOf(() => therapistIdForAgenda(member("THERAPIST")))).toBe("FORBIDDEN");
    expect(codeOf(() => therapistIdForAgenda(member("ADMIN")))).toBe("FORBIDDEN");
    expect(codeOf(() => therapistIdForAgenda(member("FRONT_DESK")))).toBe("FORBIDDEN");
  });
});
