import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/require-staff";
import { openPlanForm } from "@/lib/care-plans/data";
import { staffContext } from "@/lib/http/staff-context";
import { openOrNotFound } from "../../open-or-not-found";
import { PlanForm } from "./plan-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffCarePlans");
  return { title: t("title") };
}

export default async function NewCarePlanPage({ params }: PageProps<"/staff/patients/[id]/plan/new">) {
  const staff = await requireStaff("ADMIN", "FRONT_DESK", "THERAPIST");
  const t = await getTranslations("staffCarePlans");
  const { id } = await params;
  const form = await openOrNotFound(openPlanForm(staff, id, await staffContext()));
  const name = `${form.patient.firstName} ${form.patient.lastName}`;
  return (
    <>
      <p className="text-sm">
        <Link href={`/staff/patients/${form.patient.id}`} className="text-teal-900 underline">
          {t("back", { name })}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-lg">{name}</p>
      <p className="mt-2 text-sm text-slate-700">{t("intro")}</p>
      <PlanForm form={form} ownTherapistId={staff.role === "THERAPIST" ? staff.therapistId : null} />
    </>
  );
}
