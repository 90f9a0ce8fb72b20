import { describe, expect, it } from "vitest";
import { paymentTerms } from "../payments/payment-terms";
import type { PaymentRule } from "../payments/rules";
import { visitTermsText } from "./visit-terms-text";

describe("visitTermsText", () => {
  it("gives the price in the patient's language, where to pay for each kind of visit, and the cut-off in words", () => {
    expect(visitTermsText("en", { priceCents: 11000, currency: "USD", mode: "CLINIC", cancelCutoffMinutes: 1440 })).toEqual({
      price: "$110.00",
      payment: "Pay at the clinic when you come in. There is no payment online.",
      fees: null,
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
      fees: null,
      changes: "Puede cambiar o cancelar en línea hasta que empiece su visita.",
    });
  });
});

describe("visitTermsText with payment rules", () => {
  const policy = { lateCancelWindowMinutes: 1440, lateCancelFeeCents: 2500, noShowFeeCents: 4000 };
  const terms = (rule: PaymentRule, onlineOn: boolean, over: { priceCents?: number; depositCents?: number | null; depositPercent?: number | null } = {}) => {
    const service = { priceCents: 11000, currency: "USD", paymentRule: rule, depositCents: null, depositPercent: null, ...over };
    return { priceCents: service.priceCents, currency: "USD", cancelCutoffMinutes: 1440, payment: paymentTerms(service, policy, onlineOn) };
  };
  const words = (language: "en" | "es", mode: "CLINIC" | "HOME" | "VIDEO", input: ReturnType<typeof terms>) => {
    const { payment, fees } = visitTermsText(language, { ...input, mode });
    return { payment, fees };
  };
  const FEES_EN = "Cancelling less than 24 hours before: $25.00 fee. Missed visit: $40.00 fee.";
  const FEES_ES = "Cancelar con menos de 24 horas de antelación: cargo de $25.00. Si falta a la cita: cargo de $40.00.";

  it("says what is paid online for each rule while online payment is on, in English", () => {
    expect(words("en", "CLINIC", terms("NONE", true))).toEqual({ payment: "Pay at the clinic when you come in. There is no payment online.", fees: null });
    expect(words("en", "CLINIC", terms("FULL", true))).toEqual({ payment: "Paid in full online when you book.", fees: FEES_EN });
    expect(words("en", "CLINIC", terms("DEPOSIT", true, { depositPercent: 25 }))).toEqual({ payment: "Deposit of $27.50 paid online when you book; the rest at the clinic.", fees: FEES_EN });
    expect(words("en", "HOME", terms("DEPOSIT", true, { depositCents: 3000 })).payment).toBe("Deposit of $30.00 paid online when you book; the rest to the therapist at the visit.");
    expect(words("en", "VIDEO", terms("DEPOSIT", true, { depositPercent: 100 })).payment).toBe("Paid in full online when you book.");
    expect(words("en", "VIDEO", terms("CARD_ON_FILE", true))).toEqual({
      payment: "Pay the clinic after the visit; they will tell you how. A card is saved for late-cancellation and no-show fees.",
      fees: FEES_EN,
    });
    expect(words("en", "CLINIC", terms("CARD_ON_FILE", true, { priceCents: 0 }))).toEqual({ payment: "The visit is free. A card is saved for late-cancellation and no-show fees.", fees: FEES_EN });
    expect(words("en", "CLINIC", terms("NONE", true, { priceCents: 0 }))).toEqual({ payment: "Nothing to pay.", fees: null });
  });

  it("says what is paid online for each rule while online payment is on, in Spanish", () => {
    expect(words("es", "CLINIC", terms("NONE", true))).toEqual({ payment: "Pague en la clínica cuando llegue. No hay pago en línea.", fees: null });
    expect(words("es", "CLINIC", terms("FULL", true))).toEqual({ payment: "Pago completo en línea al reservar.", fees: FEES_ES });
    expect(words("es", "CLINIC", terms("DEPOSIT", true, { depositPercent: 25 }))).toEqual({ payment: "Depósito de $27.50 pagado en línea al reservar; el resto en la clínica.", fees: FEES_ES });
    expect(words("es", "VIDEO", terms("DEPOSIT", true, { depositCents: 3000 })).payment).toBe("Depósito de $30.00 pagado en línea al reservar; el resto a la clínica después de la visita.");
    expect(words("es", "HOME", terms("CARD_ON_FILE", true))).toEqual({
      payment: "Pague al terapeuta en la visita. Se guarda una tarjeta para los cargos por cancelación tardía y por inasistencia.",
      fees: FEES_ES,
    });
    expect(words("es", "CLINIC", terms("CARD_ON_FILE", true, { priceCents: 0 })).payment).toBe("La visita es gratuita. Se guarda una tarjeta para los cargos por cancelación tardía y por inasistencia.");
  });

  it("tells the patient to pay at the clinic for every paid service while online payment is off, and still names the fees", () => {
    for (const [rule, over] of [["NONE", {}], ["FULL", {}], ["DEPOSIT", { depositPercent: 25 }], ["CARD_ON_FILE", {}]] as const) {
      expect(words("en", "CLINIC", terms(rule, false, over)).payment, rule).toBe("Pay at the clinic when you come in. There is no payment online.");
      expect(words("es", "CLINIC", terms(rule, false, over)).payment, rule).toBe("Pague en la clínica cuando llegue. No hay pago en línea.");
      expect(words("en", "CLINIC", terms(rule, false, over)).fees, rule).toBe(rule === "NONE" ? null : FEES_EN);
    }
    expect(words("en", "CLINIC", terms("CARD_ON_FILE", false, { priceCents: 0 })).payment).toBe("Nothing to pay.");
  });

  it("names only the fees the practice charges, with the window in words", () => {
    const only = (p: typeof policy) => ({ priceCents: 8500, currency: "USD", cancelCutoffMinutes: 0, payment: paymentTerms({ priceCents: 8500, currency: "USD", paymentRule: "FULL", depositCents: null, depositPercent: null }, p, true) });
    expect(visitTermsText("en", { ...only({ ...policy, noShowFeeCents: 0, lateCancelWindowMinutes: 90 }), mode: "CLINIC" }).fees).toBe("Cancelling less than 1 hour 30 minutes before: $25.00 fee.");
    expect(visitTermsText("es", { ...only({ ...policy, lateCancelFeeCents: 0 }), mode: "CLINIC" }).fees).toBe("Si falta a la cita: cargo de $40.00.");
    expect(visitTermsText("en", { ...only({ ...policy, lateCancelWindowMinutes: 0, noShowFeeCents: 0 }), mode: "CLINIC" }).fees).toBeNull();
  });
});
