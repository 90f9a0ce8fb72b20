import { buttonClass } from "@/components/form/button";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { staffIdleSeconds } from "@/lib/auth/config";
import { requireStaff } from "@/lib/auth/require-staff";
import { pagesFor } from "@/lib/staff/navigation";
import { signOutAction } from "./actions";
import { IdleWarning } from "./idle-warning";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const staff = await requireStaff();
  const t = await getTranslations("staffShell");
  const pageName = await getTranslations("staffNav.page");
  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/staff" className="font-bold text-teal-900">
            {t("home")}
          </Link>
          <nav aria-label={t("pagesLabel")} className="order-3 w-full sm:order-none sm:w-auto">
            <ul className="flex flex-wrap gap-1 text-sm">
              {pagesFor(staff.role).map((page) => (
                <li key={page.href}>
                  <Link href={page.href} className="rounded-md px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-100">
                    {pageName(page.key)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="flex items-center gap-3 text-sm">
            <span>
              {t("signedInAs", { name: staff.name, role: t(`role.${staff.role}`) })}
            </span>
            <form action={signOutAction}>
              <button type="submit" className={buttonClass("secondary","sm")}>
                {t("signOut")}
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
      <IdleWarning idleSeconds={staffIdleSeconds()} />
    </>
  );
}
