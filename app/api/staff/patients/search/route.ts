import { authorizeStaff } from "@/lib/auth/require-staff";
import { AppError } from "@/lib/errors/app-error";
import { requestContext } from "@/lib/http/request-context";
import { json, readJson, withErrors } from "@/lib/http/route";
import { searchPatients } from "@/lib/patients/data";
import { patientSearchSchema } from "@/lib/patients/schema";
import { parsePatientQuery } from "@/lib/patients/search-query";

/**
 * The calendar's patient finder: the same search, scoping, limits and audit as
 * the patients page. POST with a JSON body, so the search term stays out of URLs.
 */
export const POST = withErrors(async (request: Request) => {
  const staff = await authorizeStaff("ADMIN", "FRONT_DESK");
  const parsed = parsePatientQuery((await readJson(request, patientSearchSchema)).q);
  if (parsed === null) return json({ patients: [] });
  if ("problem" in parsed) throw new AppError("BAD_REQUEST", parsed.problem, { fields: { q: parsed.problem } });
  const result = await searchPatients(staff, parsed.criterion, requestContext(request));
  return json({
    patients: result.patients.map((p) => ({ id: p.id, name: `${p.firstName} ${p.lastName}`, dateOfBirth: p.dateOfBirth, phone: p.phone })),
  });
});
