import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth/require-staff";
import { AppError } from "@/lib/errors/app-error";
import { findServiceSettings, listTherapistOptions } from "@/lib/services/data";
import { ServiceForm } from "../service-form";

export const metadata: Metadata = { title: "Service" };

export default async function ServiceSettingsPage({ params, searchParams }: PageProps<"/staff/settings/services/[id]">) {
  const staff = await requireStaff("ADMIN");
  const { id } = await params;
  const added = (await searchParams).added === "1";
  const service = await findServiceSettings(staff, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const therapists = await listTherapistOptions(staff);
  return (
    <>
      <h1 className="text-2xl font-bold">{service.nameEn}</h1>
      <p className="mt-1 text-slate-700">
        {service.active ? "Offered to patients." : "Not offered: it is not listed online or to the desk."} Changes apply to online booking as soon as they are saved.
      </p>
      {added ? (
        <p role="status" className="mt-3 rounded-md border border-teal-300 bg-teal-50 p-3 font-semibold">
          Service added. Patients can book it online with the therapists who offer it.
        </p>
      ) : null}
      <ServiceForm key={service.id} service={service} therapists={therapists} />
    </>
  );
}
