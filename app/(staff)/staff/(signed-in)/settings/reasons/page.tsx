import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/require-staff";
import { listReasonsForSettings } from "@/lib/reasons/data";
import { AddReasonForm } from "./add-reason-form";
import { ReasonList } from "./reason-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffSettings");
  return { title: t("reasons.title") };
}

export default async function ReasonsSettingsPage() {
  const staff = await requireStaff("ADMIN");
  const reasons = await listReasonsForSettings(staff);
  const t = await getTranslations("staffSettings.reasons");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        {t("intro")}
      </p>

      <section aria-labelledby="reasons-heading" className="mt-8 max-w-3xl">
        <h2 id="reasons-heading" className="text-lg font-semibold">
          {t("list")}
        </h2>
        <div className="mt-3">
          <ReasonList reasons={reasons} />
        </div>
      </section>

      <section aria-labelledby="add-reason-heading" className="mt-10 max-w-3xl rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="add-reason-heading" className="text-lg font-semibold">
          {t("add")}
        </h2>
        <div className="mt-4">
          <AddReasonForm />
        </div>
      </section>
    </>
  );
}
