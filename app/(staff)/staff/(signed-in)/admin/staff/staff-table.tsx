import { useTranslations } from "next-intl";
import type { StaffAccount } from "@/lib/staff-accounts/data";
import { AccountActions } from "./account-actions";

export function StaffTable({ accounts, selfId }: { accounts: StaffAccount[]; selfId: string }) {
  const t = useTranslations("staffAdmin.table");
  const role = useTranslations("staffAdmin");
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-slate-100 text-slate-800">
          <tr>
            <th scope="col" className="px-4 py-2 font-semibold">{t("name")}</th>
            <th scope="col" className="px-4 py-2 font-semibold">{t("email")}</th>
            <th scope="col" className="px-4 py-2 font-semibold">{t("role")}</th>
            <th scope="col" className="px-4 py-2 font-semibold">{t("therapist")}</th>
            <th scope="col" className="px-4 py-2 font-semibold">{t("status")}</th>
            <th scope="col" className="px-4 py-2 font-semibold">{t("actions")}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id} className="border-t border-slate-200 align-top">
              <th scope="row" className="px-4 py-2 font-medium">{a.name}</th>
              <td className="px-4 py-2">{a.email}</td>
              <td className="px-4 py-2">{role("role", { role: a.role })}</td>
              <td className="px-4 py-2">{a.therapist?.name ?? <span className="text-slate-600">{t("none")}</span>}</td>
              <td className="px-4 py-2">{a.active ? t("active") : <span className="font-medium text-red-800">{t("deactivated")}</span>}</td>
              <td className="px-4 py-2">
                {a.id === selfId ? <span className="text-slate-600">{t("you")}</span> : <AccountActions account={{ id: a.id, name: a.name, active: a.active }} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
