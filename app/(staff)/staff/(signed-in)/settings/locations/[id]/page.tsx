import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth/require-staff";
import { findLocationSettings } from "@/lib/locations/data";
import { TIME_ZONES } from "@/lib/locations/time-zones";
import { HomeAreaForm } from "../../../schedules/home-area-form";
import { ScheduleNoticeProvider } from "../../../schedules/schedule-notice";
import { saveLocationHomeArea } from "../actions";
import { LocationForm } from "../location-form";
import { RoomsSection } from "../rooms-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffSettings");
  return { title: t("locations.locationTitle") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function LocationPage({ params }: PageProps<"/staff/settings/locations/[id]">) {
  const staff = await requireStaff("ADMIN");
  const { id } = await params;
  const location = UUID.test(id) ? await findLocationSettings(staff, id) : null;
  if (!location) notFound();
  const t = await getTranslations("staffSettings.locations");

  return (
    <>
      <p>
        <Link href="/staff/settings/locations" className="text-teal-800 underline underline-offset-2">
          {t("all")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{location.name}</h1>
      <p className="mt-1 text-slate-700">
        {t("state", { active: location.active ? "yes" : "no", timeZone: location.timeZone })}
      </p>

      <section aria-labelledby="details-title" className="mt-8 max-w-3xl">
        <h2 id="details-title" className="text-xl font-bold">
          {t("details")}
        </h2>
        <div className="mt-3">
          <LocationForm location={location} timeZones={TIME_ZONES} />
        </div>
      </section>

      <RoomsSection locationId={location.id} rooms={location.rooms} />

      <section aria-labelledby="home-title" className="mt-10 max-w-3xl">
        <h2 id="home-title" className="text-xl font-bold">
          {t("homeVisits")}
        </h2>
        <div className="mt-3">
          <ScheduleNoticeProvider>
            <HomeAreaForm key={`${location.homePostalCodes.join(",")}|${location.homeTravelMinutes}`} location={location} save={saveLocationHomeArea} />
          </ScheduleNoticeProvider>
        </div>
      </section>
    </>
  );
}
