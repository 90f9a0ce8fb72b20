import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/require-staff";
import { SEARCH_LIMIT } from "@/lib/patients/data";
import { PatientSearch } from "./patient-search";

export const metadata: Metadata = { title: "Patients" };

export default async function PatientsPage() {
  const staff = await requireStaff("ADMIN", "FRONT_DESK", "THERAPIST");
  return (
    <>
      <h1 className="text-2xl font-bold">Patients</h1>
      {staff.role === "THERAPIST" ? <p className="mt-2 text-slate-700">You see the patients you have a visit with.</p> : null}
      <PatientSearch limit={SEARCH_LIMIT} />
    </>
  );
}
