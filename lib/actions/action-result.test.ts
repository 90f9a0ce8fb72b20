import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../errors/app-error";
import { actionFailure, VALIDATION_MESSAGE } from "./action-result";

describe("actionFailure", () => {
  it("answers an AppError with its code, words and fields", () => {
    const error = new AppError("VALIDATION_FAILED", "Please check the email.", { fields: { email: "That email is taken." } });
    expect(actionFailure(error)).toEqual({ ok: false, code: "VALIDATION_FAILED", message: "Please check the email.", fields: { email: "That email is taken." } });
  });

  it("answers an AppError without fields with an empty field list", () => {
    expect(actionFailure(new AppError("FORBIDDEN", "Your role does not allow this."))).toEqual({
      ok: false,
      code: "FORBIDDEN",
      message: "Your role does not allow this.",
      fields: {},
    });
  });

  it("answers a zod error as VALIDATION_FAILED with one message per form field", () => {
    const result = z.object({ email: z.string().min(1, "Enter your email."), modes: z.array(z.literal("HOME", "Pick a mode.")) }).safeParse({ email: "", modes: ["BOAT"] });
    expect(result.success).toBe(false);
    expect(actionFailure(result.error)).toEqual({
      ok: false,
      code: "VALIDATION_FAILED",
      message: VALIDATION_MESSAGE,
      fields: { email: "Enter your email.", modes: "Pick a mode." },
    });
  });

  it("uses a whole-form zod message as the message", () => {
    const result = z.object({ from: z.number(), to: z.number() }).refine((v) => v.from < v.to, "The end must be after the start.").safeParse({ from: 2, to: 1 });
    expect(actionFailure(result.error)).toMatchObject({ code: "VALIDATION_FAILED", message: "The end must be after the start." });
  });

  it("throws anything else on, unexplained", () => {
    const crash = new TypeError("database went away");
    expect(() => actionFailure(crash)).toThrow(crash);
  });
});
