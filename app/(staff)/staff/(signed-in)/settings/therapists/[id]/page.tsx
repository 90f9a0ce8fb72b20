import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth/require-staff";
import { AppError } from "@/lib/errors/app-error";
import { imageUrl } from "@/lib/images/mutations";
import { getTherapistSettings, listTherapistChoices } from "@/lib/therapists/data";
import { EditTherapistForm } from "../therapist-form";
import { LoginSection } from "./login-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffSettings");
  return { title: t("therapists.therapistTitle") };
}

export default async function TherapistSettingsPage({ params }: PageProps<"/staff/settings/therapists/[id]">) {
  const staff = await requireStaff("ADMIN");
  const { id } = await params;
  const therapist = await getTherapistSettings(staff, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const choices = await listTherapistChoices(staff, therapist);
  const name = `${therapist.firstName} ${therapist.lastName}`;
  const t = await getTranslations("staffSettings.therapists");
  return (
    <>
      <p className="text-sm">
        <Link href="/staff/settings/therapists" className="text-teal-800 underline">
          {t("all")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{name}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        {t.rich("state", {
          active: therapist.active ? "yes" : "no",
          link: (chunks) => (
            <Link href={`/staff/schedules?therapist=${therapist.id}`} className="font-semibold text-teal-800 underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
      <section aria-labelledby="details-heading" className="mt-6 max-w-3xl rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="details-heading" className="mb-4 text-lg font-semibold">
          {t("details")}
        </h2>
        <EditTherapistForm
          therapist={{
            ...therapist,
            photo: therapist.photoImageId ? { url: imageUrl(therapist.photoImageId), alt: t("photoAlt", { name }) } : null,
          }}
          locations={choices.locations}
          services={choices.services}
        />
      </section>
      <section aria-labelledby="login-heading" className="mt-6 max-w-3xl rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="login-heading" className="mb-3 text-lg font-semibold">
          {t("staffLogin")}
        </h2>
        <LoginSection therapist={{ id: therapist.id, name, active: therapist.active }} login={therapist.login} />
      </section>
    </>
  );
}
