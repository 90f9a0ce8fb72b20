import { describe, expect, it } from "vitest";
import { cutoffFormValue, depositFormValue, priceFormValue, serviceFormSchema, type ServiceForm } from "./schema";

const FORM: ServiceForm = {
  nameEn: "Dry needling",
  nameEs: "Punción seca",
  descriptionEn: "",
  descriptionEs: "",
  durationMinutes: "30",
  price: "85",
  visitModes: ["VIDEO", "CLINIC", "CLINIC"],
  bufferBeforeMinutes: "0",
  bufferAfterMinutes: "0",
  minNoticeMinutes: "120",
  horizonDays: "60",
  cancelCutoff: "90",
  cancelCutoffUnit: "minutes",
  newPatientsOnly: false,
  therapistIds: [],
};

describe("serviceFormSchema", () => {
  it("reads dollars and cents as typed", () => {
    const cents = (price: string) => serviceFormSchema.parse({ ...FORM, price }).priceCents;
    expect(cents("85")).toBe(8500);
    expect(cents("85.5")).toBe(8550);
    expect(cents("$1,200.05")).toBe(120005);
    expect(cents("0")).toBe(0);
    for (const bad of ["-5", "85.555", "1,20", "eighty", "85,00"]) expect(serviceFormSchema.safeParse({ ...FORM, price: bad }).success, bad).toBe(false);
  });

  it("stores the cut-off in minutes and the modes once each, in a fixed order", () => {
    expect(serviceFormSchema.parse(FORM)).toMatchObject({ cancelCutoffMinutes: 90, visitModes: ["CLINIC", "VIDEO"] });
    expect(serviceFormSchema.parse({ ...FORM, cancelCutoff: "24", cancelCutoffUnit: "hours" }).cancelCutoffMinutes).toBe(1440);
  });

  it("gives back what it stored as the form shows it", () => {
    expect(priceFormValue(8550)).toBe("85.50");
    expect(priceFormValue(5)).toBe("0.05");
    expect(cutoffFormValue(1440)).toEqual({ cancelCutoff: "24", cancelCutoffUnit: "hours" });
    expect(cutoffFormValue(90)).toEqual({ cancelCutoff: "90", cancelCutoffUnit: "minutes" });
  });

  it("stores a deposit as cents or a percent and gives it back as typed; other rules keep none", () => {
    const stored = (over: Partial<ServiceForm>) => {
      const { paymentRule, depositCents, depositPercent } = serviceFormSchema.parse({ ...FORM, ...over });
      return { paymentRule, depositCents, depositPercent };
    };
    expect(stored({})).toEqual({ paymentRule: "NONE", depositCents: null, depositPercent: null });
    expect(stored({ paymentRule: "DEPOSIT", deposit: "$27.5" })).toEqual({ paymentRule: "DEPOSIT", depositCents: 2750, depositPercent: null });
    expect(stored({ paymentRule: "DEPOSIT", depositKind: "percent", deposit: " 25 % " })).toEqual({ paymentRule: "DEPOSIT", depositCents: null, depositPercent: 25 });
    expect(stored({ paymentRule: "FULL", depositKind: "percent", deposit: "25" })).toEqual({ paymentRule: "FULL", depositCents: null, depositPercent: null });
    expect(depositFormValue({ depositCents: 2750, depositPercent: null })).toEqual({ depositKind: "amount", deposit: "27.50" });
    expect(depositFormValue({ depositCents: null, depositPercent: 25 })).toEqual({ depositKind: "percent", deposit: "25" });
  });
});
