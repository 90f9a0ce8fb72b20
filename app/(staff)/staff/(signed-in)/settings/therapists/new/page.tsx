import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/require-staff";
import { listTherapistChoices } from "@/lib/therapists/data";
import { AddTherapistForm } from "../therapist-form";

export const metadata: Metadata = { title: "Add a therapist" };

export default async function AddTherapistPage() {
  const staff = await requireStaff("ADMIN");
  const choices = await listTherapistChoices(staff);
  return (
    <>
      <p className="text-sm">
        <Link href="/staff/settings/therapists" className="text-teal-800 underline">
          All therapists
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">Add a therapist</h1>
      <p className="mt-2 max-w-3xl text-slate-700">After adding them, set their weekly hours on the schedules page: until then they are not offered for booking.</p>
      <div className="mt-6 max-w-3xl rounded-lg border border-slate-200 bg-white p-5">
        <AddTherapistForm
          therapist={{ firstName: "", lastName: "", credentials: "", bioEn: "", bioEs: "", languages: ["en"], visitModes: ["CLINIC"], locationIds: [], serviceIds: [], active: true, photo: null }}
          locations={choices.locations}
          services={choices.services}
        />
      </div>
    </>
  );
}
