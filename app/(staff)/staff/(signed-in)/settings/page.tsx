import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/require-staff";
import { smsEnabled } from "@/lib/sms/config";
import { findPracticeDetails } from "@/lib/practice/data";
import { policyFormValues } from "@/lib/practice/schema";
import { PracticeForm } from "./practice-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffSettings");
  return { title: t("practice.title") };
}

export default async function PracticeSettingsPage() {
  await requireStaff("ADMIN");
  const practice = await findPracticeDetails();
  const t = await getTranslations("staffSettings.practice");
  const values: Record<string, string> = {
    name: practice.saved ? practice.name : "",
    phone: practice.phone ?? "",
    email: practice.email ?? "",
    address: practice.address ?? "",
    cancellationPolicyEn: practice.cancellationPolicy.en ?? "",
    cancellationPolicyEs: practice.cancellationPolicy.es ?? "",
    privacyPolicyEn: practice.privacyPolicy.en ?? "",
    privacyPolicyEs: practice.privacyPolicy.es ?? "",
    emailReminderHours: String(practice.reminderHours.email),
    smsReminderHours: String(practice.reminderHours.sms),
    ...policyFormValues(practice.feePolicy),
    removeLogo: "",
  };
  return (
    <>
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        {t("intro")}
      </p>
      <div className="mt-6 max-w-3xl">
        <PracticeForm initialValues={values} logoUrl={practice.logoUrl} textMessages={smsEnabled()} />
      </div>
    </>
  );
}
