import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/require-staff";
import { listTherapistOptions } from "@/lib/services/data";
import { isOnlinePaymentOn } from "@/lib/payments/config";
import { ServiceForm } from "../service-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffSettings");
  return { title: t("services.add") };
}

export default async function NewServicePage() {
  const staff = await requireStaff("ADMIN");
  const therapists = await listTherapistOptions(staff);
  const t = await getTranslations("staffSettings.services");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("add")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        {t("newIntro")}
      </p>
      <ServiceForm therapists={therapists} onlinePaymentOn={isOnlinePaymentOn()} />
    </>
  );
}
