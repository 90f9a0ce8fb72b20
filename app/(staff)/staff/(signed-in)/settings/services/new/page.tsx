import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/require-staff";
import { listTherapistOptions } from "@/lib/services/data";
import { ServiceForm } from "../service-form";

export const metadata: Metadata = { title: "Add a service" };

export default async function NewServicePage() {
  const staff = await requireStaff("ADMIN");
  const therapists = await listTherapistOptions(staff);
  return (
    <>
      <h1 className="text-2xl font-bold">Add a service</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Once saved, it is offered online at once by the therapists chosen here, at the times their weekly hours allow.
      </p>
      <ServiceForm therapists={therapists} />
    </>
  );
}
