import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/form/button";
import { requireStaff } from "@/lib/auth/require-staff";
import { describeModes } from "@/lib/schedules/labels";
import { listServiceSettings } from "@/lib/services/data";
import { ServiceOrderButtons } from "./service-order-buttons";
import { durationLabel, priceLabel } from "./service-labels";

export const metadata: Metadata = { title: "Services" };

export default async function ServicesSettingsPage() {
  const staff = await requireStaff("ADMIN");
  const services = await listServiceSettings(staff);

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Services</h1>
        <Link href="/staff/settings/services/new" className={buttonClass("primary")}>
          Add a service
        </Link>
      </div>
      <p className="mt-2 max-w-3xl text-slate-700">
        Patients see the offered services in this order when they book online. A service that is no longer offered stays here, and on the visits booked
        for it; it can be offered again at any time.
      </p>
      {services.length === 0 ? (
        <p className="mt-6 rounded-lg border border-slate-200 bg-white p-4">No services yet. Add the first one so patients can book it.</p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full min-w-[44rem] border-collapse text-left text-sm">
            <caption className="sr-only">Services, in the order patients see them</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3">
                  Service
                </th>
                <th scope="col" className="py-2 pr-3">
                  Length
                </th>
                <th scope="col" className="py-2 pr-3">
                  Price
                </th>
                <th scope="col" className="py-2 pr-3">
                  Kinds of visit
                </th>
                <th scope="col" className="py-2 pr-3">
                  Therapists
                </th>
                <th scope="col" className="py-2 pr-3">
                  Status
                </th>
                <th scope="col" className="py-2">
                  Order
                </th>
              </tr>
            </thead>
            <tbody>
              {services.map((service, index) => (
                <tr key={service.id} className="border-b border-slate-200 align-top">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    <Link href={`/staff/settings/services/${service.id}`} className="font-semibold text-teal-800 underline underline-offset-2">
                      {service.nameEn}
                    </Link>
                    <span className="block text-slate-600" lang="es">
                      {service.nameEs}
                    </span>
                  </th>
                  <td className="py-2 pr-3">{durationLabel(service.durationMinutes)}</td>
                  <td className="py-2 pr-3">{priceLabel(service.priceCents, service.currency)}</td>
                  <td className="py-2 pr-3">{describeModes(service.visitModes)}</td>
                  <td className="py-2 pr-3">{service.therapistCount === 0 ? "None yet" : service.therapistCount}</td>
                  <td className="py-2 pr-3">{service.active ? "Offered" : <span className="font-semibold text-slate-700">Not offered</span>}</td>
                  <td className="py-2">
                    <ServiceOrderButtons id={service.id} name={service.nameEn} isFirst={index === 0} isLast={index === services.length - 1} position={index + 1} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
