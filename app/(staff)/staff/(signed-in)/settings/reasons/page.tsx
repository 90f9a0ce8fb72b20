import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/require-staff";
import { listReasonsForSettings } from "@/lib/reasons/data";
import { AddReasonForm } from "./add-reason-form";
import { ReasonList } from "./reason-list";

export const metadata: Metadata = { title: "Reasons for visit" };

export default async function ReasonsSettingsPage() {
  const staff = await requireStaff("ADMIN");
  const reasons = await listReasonsForSettings(staff);
  return (
    <>
      <h1 className="text-2xl font-bold">Reasons for visit</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Patients pick one of the active reasons, in this order, on the first step of the booking form, or describe their own. A reason past visits name cannot be
        deleted: deactivate it to take it off the form.
      </p>

      <section aria-labelledby="reasons-heading" className="mt-8 max-w-3xl">
        <h2 id="reasons-heading" className="text-lg font-semibold">
          The list
        </h2>
        <div className="mt-3">
          <ReasonList reasons={reasons} />
        </div>
      </section>

      <section aria-labelledby="add-reason-heading" className="mt-10 max-w-3xl rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="add-reason-heading" className="text-lg font-semibold">
          Add a reason
        </h2>
        <div className="mt-4">
          <AddReasonForm />
        </div>
      </section>
    </>
  );
}
