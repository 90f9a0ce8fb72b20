import { describe, expect, it } from "vitest";
import { patientDetailsSchema } from "../booking/schema";
import { checkPatientRows } from "../data-transfer/preview";
import { patientContactSchema } from "../patients/schema";
import { toE164 } from "./e164";

describe("phone numbers in E.164", () => {
  it("reads a number as people write it in their country", () => {
    expect(toE164("(915) 555-0199", "US")).toBe("+19155550199");
    expect(toE164(" 915.555.0100 ", "US")).toBe("+19155550100");
    expect(toE164("1-915-555-0100", "US")).toBe("+19155550100");
    expect(toE164("020 7946 0958", "GB")).toBe("+442079460958");
    expect(toE164("55 1234 5678", "MX")).toBe("+525512345678");
  });

  it("takes a number with its country code whatever the practice's region", () => {
    expect(toE164("+1 915 555 0100", "GB")).toBe("+19155550100");
    expect(toE164("+44 20 7946 0958", "US")).toBe("+442079460958");
    expect(toE164("+52 55 1234 5678", undefined)).toBe("+525512345678");
  });

  it("refuses what cannot be texted or called", () => {
    expect(toE164("12", "US")).toBeNull();
    expect(toE164("555 0100", "US")).toBeNull();
    // 555 is not an area code.
    expect(toE164("+1 555 555 0100", "US")).toBeNull();
    expect(toE164("+1 915 555 0100 ext. 12", "US")).toBeNull();
    expect(toE164("not a number", "US")).toBeNull();
    expect(toE164("", "US")).toBeNull();
    // Without a region, only a number with its country code can be read.
    expect(toE164("915 555 0100", undefined)).toBeNull();
  });
});

describe("the phone field at intake", () => {
  const patient = { firstName: "Ana", lastName: "Ruiz", email: "ana@example.com", dateOfBirth: "1990-04-02" };

  it("stores the number in E.164, read in the practice's region (US unless configured)", () => {
    const parsed = patientDetailsSchema.parse({ ...patient, phone: "(915) 555-0199" });
    expect(parsed.phone).toBe("+19155550199");
  });

  it("answers a number it cannot use with an example of one it can", () => {
    const parsed = patientDetailsSchema.safeParse({ ...patient, phone: "555-0100" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues).toEqual([expect.objectContaining({ path: ["phone"], message: "Enter a phone number we can text or call, e.g. (201) 555-0123 or +1 201 555 0123." })]);
  });
});

describe("phone numbers from the staff form and a patient file", () => {
  const cells = { first_name: "Ana", last_name: "Ruiz", email: "ana@example.com", date_of_birth: "1990-04-02" };

  it("the staff form stores the number in E.164", () => {
    const parsed = patientContactSchema.parse({ firstName: "Ana", lastName: "Ruiz", email: "ana@example.com", phone: "915-555-0142", dateOfBirth: "1990-04-02", preferredLanguage: "en" });
    expect(parsed.phone).toBe("+19155550142");
  });

  it("an imported file's numbers are stored in E.164, and a row with one no one can call is refused by row and column", () => {
    const { valid, errors } = checkPatientRows([
      { row: 2, cells: { ...cells, phone: "(915) 555-0101" } },
      { row: 3, cells: { ...cells, email: "tom@example.com", phone: "555-0101" } },
    ]);
    expect(valid.map((p) => p.phone)).toEqual(["+19155550101"]);
    expect(errors).toEqual([{ row: 3, column: "phone", message: "Enter a phone number we can text or call, e.g. (201) 555-0123 or +1 201 555 0123." }]);
  });
});
