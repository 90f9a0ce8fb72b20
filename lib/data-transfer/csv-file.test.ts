import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import { neutraliseCell } from "./csv-export";
import { decodeCsv, isFormulaCell, parseCsvTable } from "./csv-file";

const COLUMNS = { required: ["a", "b"], optional: ["c"] };
const message = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
  return null;
};

describe("reading an import file", () => {
  it("takes UTF-8 with or without a byte-order mark and refuses Latin-1, saying how to save it", () => {
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0a]))).toBe("a\n");
    expect(decodeCsv(Buffer.from("José\n", "utf8"))).toBe("José\n");
    expect(message(() => decodeCsv(Buffer.from("José\n", "latin1")))).toMatch(/not UTF-8 .*CSV UTF-8/);
  });

  it("names missing, unknown and repeated columns", () => {
    expect(message(() => parseCsvTable("A,x,x\n1,2,3\n", COLUMNS))).toBe(
      'The header row does not match: missing column b; unknown column "x"; column x named twice. The columns are a, b (required) and c (optional).',
    );
    expect(parseCsvTable("B, A \n1,2\n", COLUMNS)).toEqual([{ row: 2, cells: { b: "1", a: "2" } }]);
  });

  it("spots formula cells, but not a phone number's leading plus", () => {
    for (const cell of ["=1+1", "+SUM(A1)", "-2", "@A1", " =x", "\t=x"]) expect(isFormulaCell(cell), cell).toBe(true);
    for (const cell of ["Ann", "O'Brien", "1980-01-01", "a-b"]) expect(isFormulaCell(cell), cell).toBe(false);
    expect(isFormulaCell("+1 (915) 555-0100", { phone: true })).toBe(false);
    expect(isFormulaCell("+SUM(A1)", { phone: true })).toBe(true);
  });
});

describe("writing an export", () => {
  it("prefixes cells that a spreadsheet would run with an apostrophe", () => {
    expect(["=1+1", "+1", "-1", "@x", "\tx", "Ann", "a=b"].map(neutraliseCell)).toEqual(["'=1+1", "'+1", "'-1", "'@x", "'\tx", "Ann", "a=b"]);
  });
});
