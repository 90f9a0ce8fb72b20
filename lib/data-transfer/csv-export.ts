import { stringify } from "csv-stringify/sync";

/** Spreadsheet programs read a file as UTF-8 only when it starts with this mark. */
export const UTF8_BOM = "\uFEFF";

/**
 * A cell as it may safely go into a file opened by a spreadsheet program: one
 * that begins with =, +, - or @ (or a tab or carriage return before them) is
 * prefixed with an apostrophe, so it is shown as text and never run.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** CSV lines for the given rows, every cell neutralised. */
export function csvLines(rows: readonly (readonly (string | null)[])[]): string {
  return stringify(rows.map((r) => r.map((v) => neutraliseCell(v ?? ""))), { record_delimiter: "\r\n" });
}
