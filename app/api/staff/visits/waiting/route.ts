import { authorizeStaff } from "@/lib/auth/require-staff";
import { json, withErrors } from "@/lib/http/route";
import { listWaitingPatients } from "@/lib/video/data";

/** Patients in the waiting rooms of the signed-in therapist's video visits. */
export const GET = withErrors(async () => {
  const staff = await authorizeStaff("THERAPIST", "ADMIN");
  return json({ waiting: await listWaitingPatients(staff, new Date()) });
});
