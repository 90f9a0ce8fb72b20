"use server";

import type { ActionResult } from "@/lib/actions/action-result";
import { staffAction } from "@/lib/actions/staff-action";
import { AppError } from "@/lib/errors/app-error";
import { searchPatients, type PatientSearchResult } from "@/lib/patients/data";
import { patientSearchSchema } from "@/lib/patients/schema";
import { parsePatientQuery } from "@/lib/patients/search-query";

export interface PatientSearchState {
  /** What was searched for, shown again in the box and the summary (never in the address). */
  query: string;
  /** Null before the first search; data is null for an empty box. */
  outcome: ActionResult<PatientSearchResult | null> | null;
}

/**
 * The patients page's search, as a POST: the term travels in the body, so it
 * never lands in browser history, proxy logs or the server's request log.
 */
export async function searchPatientsAction(_previous: PatientSearchState, form: FormData): Promise<PatientSearchState> {
  const q = form.get("q");
  const outcome = await staffAction({
    roles: ["ADMIN", "FRONT_DESK", "THERAPIST"],
    schema: patientSearchSchema,
    input: { q },
    run: async (staff, input, ctx) => {
      const parsed = parsePatientQuery(input.q.trim());
      if (parsed === null) return null;
      if ("problem" in parsed) throw new AppError("VALIDATION_FAILED", parsed.problem, { fields: { q: parsed.problem } });
      return searchPatients(staff, parsed.criterion, ctx);
    },
  });
  return { query: typeof q === "string" ? q.trim() : "", outcome };
}
