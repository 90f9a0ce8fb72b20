import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/require-staff";
import { SEARCH_LIMIT } from "@/lib/patients/data";
import { PatientSearch } from "./patient-search";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffPatients");
  return { title: t("title") };
}

export default async function PatientsPage() {
  const staff = await requireStaff("ADMIN", "FRONT_DESK", "THERAPIST");
  const t = await getTranslations("staffPatients");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {staff.role === "THERAPIST" ? <p className="mt-2 text-slate-700">{t("therapistScope")}</p> : null}
      <PatientSearch limit={SEARCH_LIMIT} />
    </>
  );
}
