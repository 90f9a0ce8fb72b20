import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/require-staff";
import { pagesFor } from "@/lib/staff/navigation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffNav.home");
  return { title: t("title") };
}

export default async function StaffHomePage() {
  const staff = await requireStaff();
  const t = await getTranslations("staffNav");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("home.greeting", { firstName: staff.name.split(" ")[0] ?? staff.name })}</h1>
      <ul className="mt-6 grid gap-3 sm:grid-cols-2">
        {pagesFor(staff.role).map((page) => (
          <li key={page.href}>
            <Link href={page.href} className="block rounded-lg border border-slate-200 bg-white p-4 font-semibold text-teal-900 hover:border-teal-700">
              {t(`page.${page.key}`)}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
