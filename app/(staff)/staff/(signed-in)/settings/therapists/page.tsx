import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/form/button";
import { requireStaff } from "@/lib/auth/require-staff";
import { imageUrl } from "@/lib/images/mutations";
import { listTherapistSettings } from "@/lib/therapists/data";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffSettings");
  return { title: t("therapists.title") };
}

export default async function TherapistsSettingsPage() {
  const staff = await requireStaff("ADMIN");
  const therapists = await listTherapistSettings(staff);
  const t = await getTranslations("staffSettings.therapists");
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("heading")}</h1>
        <Link href="/staff/settings/therapists/new" className={buttonClass("primary")}>
          {t("add")}
        </Link>
      </div>
      <p className="mt-2 max-w-3xl text-slate-700">
        {t.rich("intro", {
          link: (chunks) => (
            <Link href="/staff/schedules" className="font-semibold text-teal-800 underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
      {therapists.length === 0 ? (
        <p className="mt-6 rounded-lg border border-slate-300 bg-white p-4">{t("none")}</p>
      ) : (
        <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="bg-slate-100 text-slate-800">
              <tr>
                <th scope="col" className="px-4 py-2 font-semibold">{t("name")}</th>
                <th scope="col" className="px-4 py-2 font-semibold">{t("locations")}</th>
                <th scope="col" className="px-4 py-2 font-semibold">{t("login")}</th>
                <th scope="col" className="px-4 py-2 font-semibold">{t("status")}</th>
              </tr>
            </thead>
            <tbody>
              {therapists.map((therapist) => (
                <tr key={therapist.id} className="border-t border-slate-200 align-top">
                  <th scope="row" className="px-4 py-2 font-medium">
                    <span className="flex items-center gap-3">
                      {therapist.photoImageId ? (
                        // eslint-disable-next-line @next/next/no-img-element -- served by Stride's own image route
                        <img src={imageUrl(therapist.photoImageId)} alt="" width={40} height={40} className="size-10 rounded-full object-cover" />
                      ) : null}
                      <Link href={`/staff/settings/therapists/${therapist.id}`} className="text-teal-800 underline">
                        {therapist.firstName} {therapist.lastName}
                      </Link>
                      {therapist.credentials ? <span className="font-normal text-slate-700">{therapist.credentials}</span> : null}
                    </span>
                  </th>
                  <td className="px-4 py-2">{therapist.locationNames.join(", ") || <span className="text-slate-600">{t("nothing")}</span>}</td>
                  <td className="px-4 py-2">{therapist.loginEmail ?? <span className="text-slate-600">{t("nothing")}</span>}</td>
                  <td className="px-4 py-2">{therapist.active ? t("active") : <span className="font-medium text-red-800">{t("deactivated")}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
