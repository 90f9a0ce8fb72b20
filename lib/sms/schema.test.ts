import { describe, expect, it } from "vitest";
import { readReplyIntent } from "./schema";

describe("reading a reply to a text", () => {
  it("reads C and R in any case, without surrounding spaces or a closing full stop", () => {
    expect(["C", "c", " c ", "C.", "c!"].map(readReplyIntent)).toEqual(Array(5).fill("confirm"));
    expect(["R", "r", "R\n"].map(readReplyIntent)).toEqual(Array(3).fill("change"));
  });

  it("knows Twilio's opt-out, opt-in and help words", () => {
    expect(["STOP", "stop", "StopAll", "UNSUBSCRIBE", "cancel", "END", "quit"].map(readReplyIntent)).toEqual(Array(7).fill("opt-out"));
    expect(["START", "unstop"].map(readReplyIntent)).toEqual(["opt-in", "opt-in"]);
    expect(readReplyIntent("HELP")).toBe("provider-answers");
  });

  it("takes anything else as a message Stride does not act on", () => {
    expect(["Can I come at 3 instead?", "CC", "Stop texting me please", "", "confirm"].map(readReplyIntent)).toEqual(Array(5).fill("other"));
  });
});
