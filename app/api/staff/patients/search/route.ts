import { z } from "zod";
import { authorizeStaff } from "@/lib/auth/require-staff";
import { AppError } from "@/lib/errors/app-error";
import { json, readQuery, withErrors } from "@/lib/http/route";
import { searchPatients } from "@/lib/patients/data";
import { parsePatientQuery } from "@/lib/patients/search-query";

const querySchema = z.object({ q: z.string().max(100, "Search for at most 100 characters.") });

/** The calendar's patient finder: the same search, scoping and limits as the patients page. */
export const GET = withErrors(async (request: Request) => {
  const staff = await authorizeStaff("ADMIN", "FRONT_DESK");
  const parsed = parsePatientQuery(readQuery(request, querySchema).q);
  if (parsed === null) return json({ patients: [] });
  if ("problem" in parsed) throw new AppError("BAD_REQUEST", parsed.problem, { fields: { q: parsed.problem } });
  const result = await searchPatients(staff, parsed.criterion, new Date());
  return json({
    patients: result.patients.map((p) => ({ id: p.id, name: `${p.firstName} ${p.lastName}`, dateOfBirth: p.dateOfBirth, phone: p.phone })),
  });
});
