import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldMessages } from "./field-messages";

const schema = z
  .object({
    name: z.string().min(1, "Enter a name.").max(3, "At most 3 letters."),
    patient: z.object({ email: z.email("Enter an email.") }),
    visitModes: z.array(z.enum(["CLINIC", "HOME"], "Pick a visit mode.")),
    from: z.string(),
    to: z.string(),
  })
  .refine((value) => value.from < value.to, "The end must be after the start.");

const errorOf = (input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected a refusal");
  return result.error;
};

describe("fieldMessages", () => {
  it("keys nested fields by their dotted path and keeps each field's first message", () => {
    const error = errorOf({ name: "", patient: { email: "x" }, visitModes: ["BOAT"], from: "a", to: "b" });
    expect(fieldMessages(error)).toEqual({ name: "Enter a name.", "patient.email": "Enter an email.", "visitModes.0": "Pick a visit mode." });
  });

  it("keys by the top-level field when asked for a flat form", () => {
    const error = errorOf({ name: "", patient: { email: "x" }, visitModes: ["BOAT"], from: "a", to: "b" });
    expect(fieldMessages(error, { flat: true })).toEqual({ name: "Enter a name.", patient: "Enter an email.", visitModes: "Pick a visit mode." });
  });

  it("puts whole-object problems under _", () => {
    const error = errorOf({ name: "ab", patient: { email: "a@b.co" }, visitModes: [], from: "b", to: "a" });
    expect(fieldMessages(error)).toEqual({ _: "The end must be after the start." });
  });
});
