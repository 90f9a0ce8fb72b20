import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/require-staff";
import { listLinkableTherapists, listStaffAccounts } from "@/lib/staff-accounts/data";
import { CreateStaffForm } from "./create-staff-form";
import { StaffTable } from "./staff-table";

export const metadata: Metadata = { title: "Staff accounts" };

export default async function StaffAccountsPage() {
  const staff = await requireStaff("ADMIN");
  const [accounts, therapists] = await Promise.all([listStaffAccounts(staff), listLinkableTherapists(staff)]);

  return (
    <>
      <h1 className="text-2xl font-bold">Staff accounts</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Resetting access gives a new temporary password and signs the person out everywhere. A deactivated account cannot sign in until it is reactivated.
      </p>

      <section aria-labelledby="accounts-heading" className="mt-8">
        <h2 id="accounts-heading" className="text-lg font-semibold">
          Accounts
        </h2>
        <div className="mt-3">
          <StaffTable accounts={accounts} selfId={staff.id} />
        </div>
      </section>

      <section aria-labelledby="create-heading" className="mt-10 max-w-3xl rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="create-heading" className="text-lg font-semibold">
          Add a staff account
        </h2>
        <div className="mt-4">
          <CreateStaffForm therapists={therapists} />
        </div>
      </section>
    </>
  );
}
