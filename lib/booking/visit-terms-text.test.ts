import { describe, expect, it } from "vitest";
import { visitTermsText } from "./visit-terms-text";

describe("visitTermsText", () => {
  it("gives the price in the patient's language, where to pay for each kind of visit, and the cut-off in words", () => {
    expect(visitTermsText("en", { priceCents: 11000, currency: "USD", mode: "CLINIC", cancelCutoffMinutes: 1440 })).toEqual({
      price: "$110.00",
      payment: "Pay at the clinic when you come in. There is no payment online.",
      changes: "You can change or cancel online until 24 hours before your visit.",
    });
    const es = visitTermsText("es", { priceCents: 8550, currency: "USD", mode: "HOME", cancelCutoffMinutes: 90 });
    // Spanish as written in the United States (es-US): the dollar sign in front.
    expect(es.price).toBe("$85.50");
    expect(es.payment).toBe("Pague al terapeuta en la visita. No hay pago en línea.");
    expect(es.changes).toBe("Puede cambiar o cancelar en línea hasta 1 hora y 30 minutos antes de su visita.");
    expect(visitTermsText("en", { priceCents: 6000, currency: "USD", mode: "VIDEO", cancelCutoffMinutes: 45 }).changes).toBe(
      "You can change or cancel online until 45 minutes before your visit.",
    );
  });

  it("says Free and nothing to pay for a free visit, and until the start when there is no cut-off", () => {
    expect(visitTermsText("es", { priceCents: 0, currency: "USD", mode: "VIDEO", cancelCutoffMinutes: 0 })).toEqual({
      price: "Gratis",
      payment: "No hay nada que pagar.",
      changes: "Puede cambiar o cancelar en línea hasta que empiece su visita.",
    });
  });
});
