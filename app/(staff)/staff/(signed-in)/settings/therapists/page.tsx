import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/form/button";
import { requireStaff } from "@/lib/auth/require-staff";
import { imageUrl } from "@/lib/images/mutations";
import { listTherapistSettings } from "@/lib/therapists/data";

export const metadata: Metadata = { title: "Therapists" };

export default async function TherapistsSettingsPage() {
  const staff = await requireStaff("ADMIN");
  const therapists = await listTherapistSettings(staff);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Therapists</h1>
        <Link href="/staff/settings/therapists/new" className={buttonClass("primary")}>
          Add a therapist
        </Link>
      </div>
      <p className="mt-2 max-w-3xl text-slate-700">
        Who patients can book, where, for what and how. Weekly hours are set on the <Link href="/staff/schedules" className="font-semibold text-teal-800 underline">schedules page</Link>. A
        therapist is never deleted: deactivate them and their past visits keep their name.
      </p>
      {therapists.length === 0 ? (
        <p className="mt-6 rounded-lg border border-slate-300 bg-white p-4">No therapists yet. Add the first one.</p>
      ) : (
        <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Therapists, active first</caption>
            <thead className="bg-slate-100 text-slate-800">
              <tr>
                <th scope="col" className="px-4 py-2 font-semibold">Name</th>
                <th scope="col" className="px-4 py-2 font-semibold">Locations</th>
                <th scope="col" className="px-4 py-2 font-semibold">Login</th>
                <th scope="col" className="px-4 py-2 font-semibold">Status</th>
              </tr>
            </thead>
            <tbody>
              {therapists.map((t) => (
                <tr key={t.id} className="border-t border-slate-200 align-top">
                  <th scope="row" className="px-4 py-2 font-medium">
                    <span className="flex items-center gap-3">
                      {t.photoImageId ? (
                        // eslint-disable-next-line @next/next/no-img-element -- served by Stride's own image route
                        <img src={imageUrl(t.photoImageId)} alt="" width={40} height={40} className="size-10 rounded-full object-cover" />
                      ) : null}
                      <Link href={`/staff/settings/therapists/${t.id}`} className="text-teal-800 underline">
                        {t.firstName} {t.lastName}
                      </Link>
                      {t.credentials ? <span className="font-normal text-slate-700">{t.credentials}</span> : null}
                    </span>
                  </th>
                  <td className="px-4 py-2">{t.locationNames.join(", ") || <span className="text-slate-600">None</span>}</td>
                  <td className="px-4 py-2">{t.loginEmail ?? <span className="text-slate-600">None</span>}</td>
                  <td className="px-4 py-2">{t.active ? "Active" : <span className="font-medium text-red-800">Deactivated</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
