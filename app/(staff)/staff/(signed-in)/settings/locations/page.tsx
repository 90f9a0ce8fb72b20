import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/form/button";
import { requireStaff } from "@/lib/auth/require-staff";
import { listLocationSettings } from "@/lib/locations/data";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffSettings");
  return { title: t("locations.title") };
}

export default async function LocationsPage() {
  const staff = await requireStaff("ADMIN");
  const locations = await listLocationSettings(staff);
  const t = await getTranslations("staffSettings.locations");
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("heading")}</h1>
        <Link href="/staff/settings/locations/new" className={buttonClass("primary")}>
          {t("add")}
        </Link>
      </div>
      <p className="mt-2 max-w-3xl text-slate-700">
        {t("intro")}
      </p>
      {locations.length === 0 ? (
        <p className="mt-6">{t("none")}</p>
      ) : (
        <table className="mt-6 w-full border-collapse text-left">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-4">{t("name")}</th>
              <th scope="col" className="py-2 pr-4">{t("town")}</th>
              <th scope="col" className="py-2 pr-4">{t("timeZone")}</th>
              <th scope="col" className="py-2 pr-4">{t("roomsOpen")}</th>
              <th scope="col" className="py-2">{t("status")}</th>
            </tr>
          </thead>
          <tbody>
            {locations.map((location) => (
              <tr key={location.id} className="border-b border-slate-200">
                <th scope="row" className="py-2 pr-4 font-semibold">
                  <Link href={`/staff/settings/locations/${location.id}`} className="text-teal-800 underline underline-offset-2">
                    {location.name}
                  </Link>
                </th>
                <td className="py-2 pr-4">
                  {t("townValue", { city: location.city, region: location.region })}
                </td>
                <td className="py-2 pr-4">{location.timeZone}</td>
                <td className="py-2 pr-4">
                  {t("roomsOpenValue", { open: location.activeRooms, total: location.rooms })}
                </td>
                <td className="py-2">{location.active ? t("open") : t("closed")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
