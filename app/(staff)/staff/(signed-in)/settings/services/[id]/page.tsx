import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth/require-staff";
import { AppError } from "@/lib/errors/app-error";
import { findServiceSettings, listTherapistOptions } from "@/lib/services/data";
import { isOnlinePaymentOn } from "@/lib/payments/config";
import { ServiceForm } from "../service-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffSettings");
  return { title: t("services.serviceTitle") };
}

export default async function ServiceSettingsPage({ params, searchParams }: PageProps<"/staff/settings/services/[id]">) {
  const staff = await requireStaff("ADMIN");
  const { id } = await params;
  const added = (await searchParams).added === "1";
  const service = await findServiceSettings(staff, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const therapists = await listTherapistOptions(staff);
  const t = await getTranslations("staffSettings.services");
  return (
    <>
      <h1 className="text-2xl font-bold">{service.nameEn}</h1>
      <p className="mt-1 text-slate-700">
        {t("state", { active: service.active ? "yes" : "no" })}
      </p>
      {added ? (
        <p role="status" className="mt-3 rounded-md border border-teal-300 bg-teal-50 p-3 font-semibold">
          {t("addedNotice")}
        </p>
      ) : null}
      <ServiceForm key={service.id} service={service} therapists={therapists} onlinePaymentOn={isOnlinePaymentOn()} />
    </>
  );
}
