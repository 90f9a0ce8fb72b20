import "server-only";
import type { z } from "zod";
import type { Prisma } from "../db/generated/client";
import { patientContactSchema } from "../patients/schema";
import { isFormulaCell, type CsvRow } from "./csv-file";
import { PATIENT_FIELD_OF, type ImportPreview, type RowError } from "./schema";

type PatientField = keyof z.input<typeof patientContactSchema>;
const COLUMN_OF = Object.fromEntries(Object.entries(PATIENT_FIELD_OF).map(([column, field]) => [field, column])) as Record<PatientField, string>;

export interface PatientRow {
  row: number;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  dateOfBirth: string;
  preferredLanguage: "en" | "es";
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
}

/** The Patient identity index's key: lower(email), dateOfBirth, lower(firstName). */
export const identityKey = (p: { email: string; dateOfBirth: string; firstName: string }) => `${p.email.toLowerCase()}\u0000${p.dateOfBirth}\u0000${p.firstName.toLowerCase()}`;

/** Checks every row as the staff form would, and finds rows that name the same patient twice. */
export function checkPatientRows(rows: readonly CsvRow[]): { valid: PatientRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const valid: PatientRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, cells } of rows) {
    const formulaColumns = new Set<string>();
    const input: Record<string, string | undefined> = {};
    for (const [column, field] of Object.entries(PATIENT_FIELD_OF)) {
      const value = cells[column];
      if (value === undefined) continue;
      if (isFormulaCell(value, { phone: column === "phone" })) {
        errors.push({ row, column, message: `Begins with "${value.trimStart()[0]}", which a spreadsheet would run as a formula; remove it and upload again.` });
        formulaColumns.add(column);
      }
      input[field] = field === "preferredLanguage" && value.trim() === "" ? "en" : value;
    }
    input.preferredLanguage ??= "en";
    const parsed = patientContactSchema.safeParse(input);
    if (!parsed.success) {
      // One message per column; a formula cell's own message says it best.
      const seen = new Set(formulaColumns);
      for (const issue of parsed.error.issues) {
        const column = COLUMN_OF[issue.path[0] as PatientField] ?? String(issue.path[0]);
        if (seen.has(column)) continue;
        seen.add(column);
        errors.push({ row, column, message: issue.message });
      }
      continue;
    }
    if (formulaColumns.size > 0) continue;
    const patient: PatientRow = { row, ...parsed.data, email: parsed.data.email.toLowerCase() };
    const key = identityKey(patient);
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      errors.push({ row, column: "email", message: `Same patient as row ${first} (same first name, email and date of birth); keep one of the two rows.` });
      continue;
    }
    firstRowOf.set(key, row);
    valid.push(patient);
  }
  return { valid, errors };
}

/** The identity keys, among these rows, of patients already in the database. */
export async function findExistingIdentities(db: Prisma.TransactionClient, rows: readonly PatientRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const found = await db.$queryRaw<{ email: string; dob: string; first: string }[]>`
    SELECT lower(p."email") AS email, to_char(p."dateOfBirth", 'YYYY-MM-DD') AS dob, lower(p."firstName") AS first
    FROM "Patient" p
    JOIN unnest(${rows.map((r) => r.email)}::text[], ${rows.map((r) => r.dateOfBirth)}::date[], ${rows.map((r) => r.firstName.toLowerCase())}::text[]) AS f(email, dob, first)
      ON lower(p."email") = f.email AND p."dateOfBirth" = f.dob AND lower(p."firstName") = f.first`;
  return new Set(found.map((f) => identityKey({ email: f.email, dateOfBirth: f.dob, firstName: f.first })));
}

export async function previewPatientRows(db: Prisma.TransactionClient, rows: readonly CsvRow[]): Promise<{ preview: ImportPreview; toCreate: PatientRow[] }> {
  const { valid, errors } = checkPatientRows(rows);
  const existing = await findExistingIdentities(db, valid);
  const toCreate = valid.filter((p) => !existing.has(identityKey(p)));
  return {
    preview: { rows: rows.length, toCreate: toCreate.length, alreadyPresent: valid.length - toCreate.length, errors },
    toCreate,
  };
}
