import { describe, expect, it } from "vitest";
import { FormKeyError, parseStripeForm } from "./form-body";

describe("parseStripeForm", () => {
  it("reads Stripe's nested keys into maps and lists", () => {
    const form = new URLSearchParams([
      ["mode", "payment"],
      ["line_items[0][price_data][unit_amount]", "4500"],
      ["line_items[0][price_data][product_data][name]", "Visit & deposit"],
      ["line_items[0][quantity]", "1"],
      ["metadata[appointmentId]", "6f1c0c8e-8d7e-4a57-9a57-1c6f7d1f2a10"],
      ["expand[]", "payment_intent"],
      ["expand[]", "customer"],
    ]).toString();
    expect(parseStripeForm(form)).toEqual({
      mode: "payment",
      line_items: [{ price_data: { unit_amount: "4500", product_data: { name: "Visit & deposit" } }, quantity: "1" }],
      metadata: { appointmentId: "6f1c0c8e-8d7e-4a57-9a57-1c6f7d1f2a10" },
      expand: ["payment_intent", "customer"],
    });
  });

  it("refuses keys that cannot be read, which the fake answers with 400", () => {
    for (const form of ["a[0]=1&a[b]=2", "a=1&a[b]=2", "a[b=1", "[x]=1", "a[99999]=1"]) {
      expect(() => parseStripeForm(form), form).toThrow(FormKeyError);
    }
  });
});
