import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/form/button";
import { requireStaff } from "@/lib/auth/require-staff";
import { listLocationSettings } from "@/lib/locations/data";

export const metadata: Metadata = { title: "Locations" };

export default async function LocationsPage() {
  const staff = await requireStaff("ADMIN");
  const locations = await listLocationSettings(staff);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Locations</h1>
        <Link href="/staff/settings/locations/new" className={buttonClass("primary")}>
          Add a location
        </Link>
      </div>
      <p className="mt-2 max-w-3xl text-slate-700">
        Where visits take place. A closed location or room is no longer offered online; its past visits stay on record.
      </p>
      {locations.length === 0 ? (
        <p className="mt-6">No locations yet.</p>
      ) : (
        <table className="mt-6 w-full border-collapse text-left">
          <caption className="sr-only">Locations</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-4">Name</th>
              <th scope="col" className="py-2 pr-4">Town</th>
              <th scope="col" className="py-2 pr-4">Time zone</th>
              <th scope="col" className="py-2 pr-4">Rooms open</th>
              <th scope="col" className="py-2">Status</th>
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
                  {location.city}, {location.region}
                </td>
                <td className="py-2 pr-4">{location.timeZone}</td>
                <td className="py-2 pr-4">
                  {location.activeRooms} of {location.rooms}
                </td>
                <td className="py-2">{location.active ? "Open" : "Closed"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
