import { describe, expect, it } from "vitest";
import { parsePatientQuery } from "./search-query";

describe("parsePatientQuery", () => {
  it("reads nothing from an empty box", () => {
    expect(parsePatientQuery("   ")).toBeNull();
  });

  it("reads a date of birth in ISO and US forms, and refuses a date that does not exist", () => {
    expect(parsePatientQuery("1990-05-14")).toEqual({ criterion: { kind: "dateOfBirth", date: "1990-05-14" } });
    expect(parsePatientQuery("5/14/1990")).toEqual({ criterion: { kind: "dateOfBirth", date: "1990-05-14" } });
    expect(parsePatientQuery("05/14/1990")).toEqual({ criterion: { kind: "dateOfBirth", date: "1990-05-14" } });
    expect(parsePatientQuery("02/30/1990")).toHaveProperty("problem");
    expect(parsePatientQuery("1990-13-01")).toHaveProperty("problem");
  });

  it("reads a phone number in any formatting as its digits", () => {
    expect(parsePatientQuery("(915) 555-0101")).toEqual({ criterion: { kind: "phone", digits: "9155550101" } });
    expect(parsePatientQuery("+1 915.555")).toEqual({ criterion: { kind: "phone", digits: "1915555" } });
    expect(parsePatientQuery("+1 (915) 555-0101")).toEqual({ criterion: { kind: "phone", digits: "9155550101" } });
    expect(parsePatientQuery("0101")).toEqual({ criterion: { kind: "phone", digits: "0101" } });
    expect(parsePatientQuery("55")).toHaveProperty("problem");
  });

  it("reads anything with an @ as an email, in lower case", () => {
    expect(parsePatientQuery(" Jordan.Mills@Example.com ")).toEqual({ criterion: { kind: "email", text: "jordan.mills@example.com" } });
  });

  it("reads the rest as part of a name, in either order", () => {
    expect(parsePatientQuery("Jordan  Mills")).toEqual({ criterion: { kind: "name", text: "jordan mills" } });
    expect(parsePatientQuery("Mills, Jordan")).toEqual({ criterion: { kind: "name", text: "mills jordan" } });
    expect(parsePatientQuery("J")).toHaveProperty("problem");
  });

  it("refuses an entry too long to be a search", () => {
    expect(parsePatientQuery("a".repeat(101))).toHaveProperty("problem");
  });
});
