import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/require-staff";
import { listLinkableTherapists, listStaffAccounts } from "@/lib/staff-accounts/data";
import { CreateStaffForm } from "./create-staff-form";
import { StaffTable } from "./staff-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffAdmin");
  return { title: t("title") };
}

export default async function StaffAccountsPage() {
  const staff = await requireStaff("ADMIN");
  const [accounts, therapists] = await Promise.all([listStaffAccounts(staff), listLinkableTherapists(staff)]);
  const t = await getTranslations("staffAdmin");

  return (
    <>
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        {t("intro")}
      </p>

      <section aria-labelledby="accounts-heading" className="mt-8">
        <h2 id="accounts-heading" className="text-lg font-semibold">
          {t("accounts")}
        </h2>
        <div className="mt-3">
          <StaffTable accounts={accounts} selfId={staff.id} />
        </div>
      </section>

      <section aria-labelledby="create-heading" className="mt-10 max-w-3xl rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="create-heading" className="text-lg font-semibold">
          {t("add")}
        </h2>
        <div className="mt-4">
          <CreateStaffForm therapists={therapists} />
        </div>
      </section>
    </>
  );
}
