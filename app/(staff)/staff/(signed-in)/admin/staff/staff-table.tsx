import type { StaffAccount } from "@/lib/staff-accounts/data";
import { AccountActions } from "./account-actions";
import { ROLE_LABEL } from "./role-labels";

export function StaffTable({ accounts, selfId }: { accounts: StaffAccount[]; selfId: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Staff accounts, active first</caption>
        <thead className="bg-slate-100 text-slate-800">
          <tr>
            <th scope="col" className="px-4 py-2 font-semibold">Name</th>
            <th scope="col" className="px-4 py-2 font-semibold">Email</th>
            <th scope="col" className="px-4 py-2 font-semibold">Role</th>
            <th scope="col" className="px-4 py-2 font-semibold">Therapist</th>
            <th scope="col" className="px-4 py-2 font-semibold">Status</th>
            <th scope="col" className="px-4 py-2 font-semibold">Actions</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id} className="border-t border-slate-200 align-top">
              <th scope="row" className="px-4 py-2 font-medium">{a.name}</th>
              <td className="px-4 py-2">{a.email}</td>
              <td className="px-4 py-2">{ROLE_LABEL[a.role]}</td>
              <td className="px-4 py-2">{a.therapist?.name ?? <span className="text-slate-600">None</span>}</td>
              <td className="px-4 py-2">{a.active ? "Active" : <span className="font-medium text-red-800">Deactivated</span>}</td>
              <td className="px-4 py-2">
                {a.id === selfId ? <span className="text-slate-600">This is you</span> : <AccountActions account={{ id: a.id, name: a.name, active: a.active }} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
