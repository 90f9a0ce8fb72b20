import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AUDIT_PAGE_SIZE, listAuditEntries } from "@/lib/audit/data";
import { requireStaff } from "@/lib/auth/require-staff";
import { fieldMessages } from "@/lib/errors/field-messages";
import { listStaffAccounts } from "@/lib/staff-accounts/data";
import { AuditFilters } from "./audit-filters";
import { auditQuerySchema, filtersOf, hrefFor } from "./audit-query";
import { AuditTable } from "./audit-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffAudit");
  return { title: t("title") };
}

const FIELDS = ["staff", "action", "patient", "from", "to", "after"] as const;

export default async function AuditLogPage({ searchParams }: PageProps<"/staff/audit">) {
  const staff = await requireStaff("ADMIN");
  const t = await getTranslations("staffAudit");
  const params = await searchParams;
  const raw = Object.fromEntries(FIELDS.map((key) => [key, [params[key]].flat()[0] ?? ""])) as Record<(typeof FIELDS)[number], string>;
  const parsed = auditQuerySchema.safeParse(raw);
  const [accounts, page] = await Promise.all([listStaffAccounts(staff), parsed.success ? listAuditEntries(staff, filtersOf(parsed.data)) : null]);

  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("intro", { count: AUDIT_PAGE_SIZE })}</p>
      <AuditFilters values={raw} errors={parsed.success ? {} : fieldMessages(parsed.error)} staff={accounts} />
      <section aria-labelledby="entries-heading" className="mt-8">
        <h2 id="entries-heading" className="text-lg font-semibold">
          {t("entries")}
        </h2>
        {page === null ? (
          <p role="status" className="mt-2 text-slate-700">
            {t("correctFilters")}
          </p>
        ) : page.entries.length === 0 ? (
          <p role="status" className="mt-2 text-slate-700">
            {t("noEntries")}
          </p>
        ) : (
          <div className="mt-3">
            <AuditTable entries={page.entries} />
          </div>
        )}
        {parsed.success ? (
          <nav aria-label={t("pagesLabel")} className="mt-4 flex gap-4">
            {parsed.data.after ? (
              <Link href={hrefFor(parsed.data)} className="text-teal-900 underline">
                {t("newest")}
              </Link>
            ) : null}
            {page?.next ? (
              <Link href={hrefFor(parsed.data, page.next)} className="text-teal-900 underline">
                {t("older")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}
