import type { Metadata } from "next";
import Link from "next/link";
import { listAuditEntries } from "@/lib/audit/data";
import { requireStaff } from "@/lib/auth/require-staff";
import { fieldMessages } from "@/lib/errors/field-messages";
import { listStaffAccounts } from "@/lib/staff-accounts/data";
import { AuditFilters } from "./audit-filters";
import { auditQuerySchema, filtersOf, hrefFor } from "./audit-query";
import { AuditTable } from "./audit-table";

export const metadata: Metadata = { title: "Audit log" };

const FIELDS = ["staff", "action", "patient", "from", "to", "after"] as const;

export default async function AuditLogPage({ searchParams }: PageProps<"/staff/audit">) {
  const staff = await requireStaff("ADMIN");
  const params = await searchParams;
  const raw = Object.fromEntries(FIELDS.map((key) => [key, [params[key]].flat()[0] ?? ""])) as Record<(typeof FIELDS)[number], string>;
  const parsed = auditQuerySchema.safeParse(raw);
  const [accounts, page] = await Promise.all([listStaffAccounts(staff), parsed.success ? listAuditEntries(staff, filtersOf(parsed.data)) : null]);

  return (
    <>
      <h1 className="text-2xl font-bold">Audit log</h1>
      <p className="mt-2 max-w-3xl text-slate-700">Who read or changed patient data and staff accounts, newest first, 50 entries a page.</p>
      <AuditFilters values={raw} errors={parsed.success ? {} : fieldMessages(parsed.error)} staff={accounts} />
      <section aria-labelledby="entries-heading" className="mt-8">
        <h2 id="entries-heading" className="text-lg font-semibold">
          Entries
        </h2>
        {page === null ? (
          <p role="status" className="mt-2 text-slate-700">
            Correct the filters to see entries.
          </p>
        ) : page.entries.length === 0 ? (
          <p role="status" className="mt-2 text-slate-700">
            No entries match these filters.
          </p>
        ) : (
          <div className="mt-3">
            <AuditTable entries={page.entries} />
          </div>
        )}
        {parsed.success ? (
          <nav aria-label="Audit log pages" className="mt-4 flex gap-4">
            {parsed.data.after ? (
              <Link href={hrefFor(parsed.data)} className="text-teal-900 underline">
                Newest entries
              </Link>
            ) : null}
            {page?.next ? (
              <Link href={hrefFor(parsed.data, page.next)} className="text-teal-900 underline">
                Older entries
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}
