import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/require-staff";
import { listTherapistChoices } from "@/lib/therapists/data";
import { AddTherapistForm } from "../therapist-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffSettings");
  return { title: t("therapists.add") };
}

export default async function AddTherapistPage() {
  const staff = await requireStaff("ADMIN");
  const choices = await listTherapistChoices(staff);
  const t = await getTranslations("staffSettings.therapists");
  return (
    <>
      <p className="text-sm">
        <Link href="/staff/settings/therapists" className="text-teal-800 underline">
          {t("all")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t("add")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("newIntro")}</p>
      <div className="mt-6 max-w-3xl rounded-lg border border-slate-200 bg-white p-5">
        <AddTherapistForm
          therapist={{ firstName: "", lastName: "", credentials: "", bioEn: "", bioEs: "", languages: ["en"], visitModes: ["CLINIC"], locationIds: [], serviceIds: [], active: true, photo: null }}
          locations={choices.locations}
          services={choices.services}
        />
      </div>
    </>
  );
}
