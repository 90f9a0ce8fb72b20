import { parse } from "csv-parse/sync";
import { AppError } from "../errors/app-error";

/** The most an import file may hold; the server lets this one upload path past its usual 1 MB. */
export const IMPORT_FILE_LIMIT_BYTES = 20 * 1024 * 1024;

/** One data row of a file, keyed by its header names, with the row's line-independent number (the header is row 1). */
export interface CsvRow {
  row: number;
  cells: Record<string, string>;
}

/**
 * The file's bytes as text. Spreadsheet programs often save in a local code
 * page (Windows-1252, Latin-1) where "é" is one byte that is not UTF-8; read
 * leniently it would become "�" in a patient's name, so such a file is refused
 * with the fix. A UTF-8 byte-order mark (what Excel writes) is accepted.
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes.byteLength > IMPORT_FILE_LIMIT_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", `The file is larger than ${IMPORT_FILE_LIMIT_BYTES / 1024 / 1024} MB. Split it into smaller files and import each.`);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError("BAD_REQUEST", "The file is not UTF-8 text (it looks like Latin-1 or Windows-1252). Save it as \"CSV UTF-8\" and upload it again.");
  }
  if (text.includes("\u0000")) throw new AppError("BAD_REQUEST", "The file holds NUL characters, so it is not a CSV text file.");
  if (text.trim() === "") throw new AppError("BAD_REQUEST", "The file is empty: it needs a header row and at least one row of data.");
  return text;
}

/**
 * Parses CSV text whose header must name every required column, may name
 * optional ones, and nothing else: a misspelt column would otherwise be
 * silently dropped and its data lost.
 */
export function parseCsvTable(text: string, columns: { required: readonly string[]; optional: readonly string[] }): CsvRow[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: false, skip_empty_lines: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new AppError("BAD_REQUEST", `The file is not valid CSV${line ? ` near line ${line}` : ""}: every row needs as many cells as the header, and quotes must be closed.`);
  }
  const [header, ...data] = records;
  if (!header) throw new AppError("BAD_REQUEST", "The file is empty: it needs a header row and at least one row of data.");
  const names = header.map((h) => h.trim().toLowerCase());
  const known = new Set([...columns.required, ...columns.optional]);
  const unknown = [...new Set(names.filter((n) => !known.has(n)))];
  const missing = columns.required.filter((c) => !names.includes(c));
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  const problems: string[] = [];
  if (missing.length > 0) problems.push(`missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
  if (unknown.length > 0) problems.push(`unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => JSON.stringify(u)).join(", ")}`);
  if (repeated.length > 0) problems.push(`column${repeated.length > 1 ? "s" : ""} ${[...new Set(repeated)].join(", ")} named twice`);
  if (problems.length > 0) {
    throw new AppError(
      "BAD_REQUEST",
      `The header row does not match: ${problems.join("; ")}. The columns are ${columns.required.join(", ")} (required) and ${columns.optional.join(", ")} (optional).`,
    );
  }
  if (data.length === 0) throw new AppError("BAD_REQUEST", "The file has a header row but no rows of data.");
  return data.map((cells, i) => ({ row: i + 2, cells: Object.fromEntries(names.map((n, j) => [n, cells[j] ?? ""])) }));
}

/**
 * Whether a cell would run as a formula in a spreadsheet program that opens
 * it. Such cells are refused rather than stored: a name that begins with "="
 * is not a name, and stored it would come back out in every export. A phone
 * number's leading "+" is what E.164 looks like, so it is allowed there.
 */
export function isFormulaCell(value: string, { phone = false } = {}): boolean {
  const cell = value.trimStart();
  if (phone && /^\+[\d\s().-]*$/.test(cell)) return false;
  return /^[=+\-@\t\r]/.test(cell);
}
