import { getTranslations } from "next-intl/server";
import type { StaffMember } from "@/lib/auth/require-staff";
import { staffContext } from "@/lib/http/staff-context";
import { loadPatientPackages } from "@/lib/packages/data";

const date = (d: Date) => d.toISOString().slice(0, 10);

/** The packages a patient bought: visits left, use-by date, and every change to the balance (an audited read). */
export async function PackageBalance({ staff, patientId }: { staff: StaffMember; patientId: string }) {
  const t = await getTranslations("staffPackages.balance");
  const ctx = await staffContext();
  const packages = await loadPatientPackages(staff, patientId, ctx);
  const now = ctx.now.getTime();
  return (
    <section aria-labelledby="packages-heading" className="mt-8">
      <h2 id="packages-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      {packages.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">{t("none")}</p>
      ) : (
        <div className="mt-2 space-y-4">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3">{t("package")}</th>
                <th scope="col" className="py-2 pr-3">{t("left")}</th>
                <th scope="col" className="py-2 pr-3">{t("bought")}</th>
                <th scope="col" className="py-2">{t("expires")}</th>
              </tr>
            </thead>
            <tbody>
              {packages.map((p) => (
                <tr key={p.id} className="border-b border-slate-200">
                  <th scope="row" className="py-2 pr-3 font-normal">{p.name}</th>
                  <td className="py-2 pr-3 font-semibold">{t("leftValue", { left: p.visitsLeft, total: p.visitsTotal })}</td>
                  <td className="py-2 pr-3">{date(p.purchasedAt)}</td>
                  <td className="py-2">{p.expiresAt.getTime() <= now ? t("expired", { date: date(p.expiresAt) }) : date(p.expiresAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {packages.map((p) => (
            <details key={p.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
              <summary className="cursor-pointer font-semibold">{t("ledger", { name: p.name })}</summary>
              <table className="mt-2 w-full border-collapse text-left">
                <caption className="sr-only">{t("ledger", { name: p.name })}</caption>
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className="py-1 pr-3">{t("when")}</th>
                    <th scope="col" className="py-1 pr-3">{t("change")}</th>
                    <th scope="col" className="py-1">{t("visit")}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.entries.map((e) => (
                    <tr key={e.id} className="border-b border-slate-100">
                      <td className="py-1 pr-3">{e.at.toISOString().slice(0, 16).replace("T", " ")} UTC</td>
                      <td className="py-1 pr-3">
                        {e.delta > 0 ? `+${e.delta}` : e.delta} · {t("kind", { kind: e.kind })}
                      </td>
                      <td className="py-1">{e.appointmentId ? <span className="font-mono text-xs">{e.appointmentId.slice(0, 8)}</span> : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          ))}
        </div>
      )}
    </section>
  );
}
