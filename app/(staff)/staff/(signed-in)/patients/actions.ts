"use server";

import { authorizeStaff } from "@/lib/auth/require-staff";
import { staffContext } from "@/lib/http/staff-context";
import { searchPatients, type PatientSearchResult } from "@/lib/patients/data";
import { patientSearchSchema } from "@/lib/patients/schema";
import { parsePatientQuery } from "@/lib/patients/search-query";

export interface PatientSearchState {
  /** What was searched for, shown again in the box and the summary (never in the address). */
  query: string;
  problem: string | null;
  result: PatientSearchResult | null;
}

/**
 * The patients page's search, as a POST: the term travels in the body, so it
 * never lands in browser history, proxy logs or the server's request log.
 */
export async function searchPatientsAction(_previous: PatientSearchState, form: FormData): Promise<PatientSearchState> {
  const staff = await authorizeStaff("ADMIN", "FRONT_DESK", "THERAPIST");
  const input = patientSearchSchema.safeParse({ q: form.get("q") });
  if (!input.success) return { query: "", problem: input.error.issues[0]?.message ?? "Type what to search for.", result: null };
  const query = input.data.q.trim();
  const parsed = parsePatientQuery(query);
  if (parsed === null) return { query, problem: null, result: null };
  if ("problem" in parsed) return { query, problem: parsed.problem, result: null };
  return { query, problem: null, result: await searchPatients(staff, parsed.criterion, await staffContext()) };
}
