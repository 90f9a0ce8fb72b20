import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/require-staff";
import { TIME_ZONES } from "@/lib/locations/time-zones";
import { LocationForm } from "../location-form";

export const metadata: Metadata = { title: "Add a location" };

export default async function NewLocationPage() {
  await requireStaff("ADMIN");
  return (
    <>
      <p>
        <Link href="/staff/settings/locations" className="text-teal-800 underline underline-offset-2">
          All locations
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">Add a location</h1>
      <p className="mt-2 max-w-3xl text-slate-700">Rooms are added on the location&apos;s page once it is saved.</p>
      <div className="mt-6 max-w-3xl">
        <LocationForm timeZones={TIME_ZONES} />
      </div>
    </>
  );
}
