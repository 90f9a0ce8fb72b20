import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/require-staff";
import { TIME_ZONES } from "@/lib/locations/time-zones";
import { LocationForm } from "../location-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffSettings");
  return { title: t("locations.add") };
}

export default async function NewLocationPage() {
  await requireStaff("ADMIN");
  const t = await getTranslations("staffSettings.locations");
  return (
    <>
      <p>
        <Link href="/staff/settings/locations" className="text-teal-800 underline underline-offset-2">
          {t("all")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t("add")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("newIntro")}</p>
      <div className="mt-6 max-w-3xl">
        <LocationForm timeZones={TIME_ZONES} />
      </div>
    </>
  );
}
