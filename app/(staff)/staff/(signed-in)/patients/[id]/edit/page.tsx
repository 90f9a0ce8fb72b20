import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/require-staff";
import { staffContext } from "@/lib/http/staff-context";
import { openPatientContact } from "@/lib/patients/data";
import { openOrNotFound } from "../open-or-not-found";
import { updatePatientContactAction } from "./actions";
import { ContactForm } from "./contact-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffPatients.edit");
  return { title: t("title") };
}

export default async function EditPatientPage({ params }: PageProps<"/staff/patients/[id]/edit">) {
  const staff = await requireStaff("ADMIN", "FRONT_DESK");
  const t = await getTranslations("staffPatients.edit");
  const { id } = await params;
  const patient = await openOrNotFound(openPatientContact(staff, id, await staffContext()));
  const profileHref = `/staff/patients/${patient.id}`;
  const initial = {
    firstName: patient.firstName,
    lastName: patient.lastName,
    dateOfBirth: patient.dateOfBirth,
    phone: patient.phone,
    email: patient.email,
    preferredLanguage: patient.preferredLanguage,
    addressLine1: patient.addressLine1 ?? "",
    addressLine2: patient.addressLine2 ?? "",
    city: patient.city ?? "",
    region: patient.region ?? "",
    postalCode: patient.postalCode ?? "",
  };

  return (
    <>
      <p className="text-sm">
        <Link href={profileHref} className="text-teal-900 underline">
          {t("back", { firstName: patient.firstName, lastName: patient.lastName })}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t("heading")}</h1>
      <p className="mt-1 text-slate-700">{t("name", { firstName: patient.firstName, lastName: patient.lastName })}</p>
      <ContactForm
        action={updatePatientContactAction.bind(null, patient.id, patient.updatedAt.toISOString())}
        initial={initial}
        cancelHref={profileHref}
      />
    </>
  );
}
