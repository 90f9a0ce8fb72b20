import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_NAMES } from "../audit/actions";
import { MESSAGE_KINDS } from "../messages/kinds";
import { catalogs, translator } from "./catalog";

type Tree = { [key: string]: string | Tree };

/** The message at a dotted path of a catalogue tree, or undefined. */
function messageAt(tree: Tree, path: string): string | Tree | undefined {
  return path.split(".").reduce<string | Tree | undefined>((node, part) => (node && typeof node === "object" ? node[part] : undefined), tree);
}

describe("the staff pages' words", () => {
  it("name every audit action the log can hold, so the audit page and its filter never show a bare code", () => {
    const actions = catalogs.en.staffAudit.action as unknown as Tree;
    for (const action of AUDIT_ACTION_NAMES) {
      expect(typeof messageAt(actions, action), action).toBe("string");
    }
  });

  it("name every kind of message in the outbox and a visit's messages", () => {
    const t = translator("en", "staffOutbox");
    for (const kind of MESSAGE_KINDS) {
      expect(t("kind", { kind }), kind).not.toBe(kind);
    }
    expect(t("kind", { kind: "confirmation" })).toBe("Booking confirmation");
  });

  it("count visits on My day in words that agree with the number, cancelled ones included", () => {
    const t = translator("en", "staffToday.day");
    expect(t("summary", { active: 1, cancelled: 0 })).toBe("1 visit");
    expect(t("summary", { active: 3, cancelled: 1 })).toBe("3 visits, 1 cancelled (at the end of the list)");
    // Only cancelled visits: one sentence, not "No visits today., 2 cancelled".
    expect(t("summary", { active: 0, cancelled: 2 })).toBe("No visits, 2 cancelled (at the end of the list)");
    expect(t("none", { relative: "tomorrow" })).toBe("No visits tomorrow.");
  });

  it("count the schedules page's visits, postal codes and minutes with their plurals", () => {
    const t = translator("en", "staffSchedules");
    expect(t("stranded.visits", { count: 1 })).toBe("1 booked visit");
    expect(t("stranded.visits", { count: 4 })).toBe("4 booked visits");
    expect(t("homeArea.saved", { location: "Westside", count: 1, minutes: 1 })).toBe("Saved the home-visit area of Westside: 1 postal code, 1 minute's travel.");
    expect(t("homeArea.saved", { location: "Westside", count: 12, minutes: 15 })).toBe("Saved the home-visit area of Westside: 12 postal codes, 15 minutes' travel.");
  });

  it("count attempts, failed messages and listed patients with their plurals", () => {
    expect(translator("en", "staffOutbox")("attempts", { error: "Refused", count: 1 })).toBe("Refused (1 attempt)");
    expect(translator("en", "staffVisitMessages")("failed", { count: 2 })).toMatch(/^2 messages about this visit failed:/);
    expect(translator("en", "staffAudit.table")("patientsListed", { count: 3 })).toBe("3 patients listed");
  });
});
