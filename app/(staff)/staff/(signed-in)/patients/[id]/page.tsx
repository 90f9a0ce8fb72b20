import { buttonClass } from "@/components/form/button";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/require-staff";
import { staffContext } from "@/lib/http/staff-context";
import { openPatientProfile } from "@/lib/patients/data";
import { CarePlanLink } from "./care-plan-link";
import { ContactDetails } from "./contact-details";
import { openOrNotFound } from "./open-or-not-found";
import { PaymentsSection } from "./payments-section";
import { PackageBalance } from "./package-balance";
import { ProgressSection } from "./progress-section";
import { VisitsTable } from "./visits-table";

// No patient name in the title: it would sit in browser history and tab lists.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffPatients.profile");
  return { title: t("title") };
}

export default async function PatientProfilePage({ params, searchParams }: PageProps<"/staff/patients/[id]">) {
  const staff = await requireStaff("ADMIN", "FRONT_DESK", "THERAPIST");
  const t = await getTranslations("staffPatients.profile");
  const [{ id }, { saved }] = await Promise.all([params, searchParams]);
  const profile = await openOrNotFound(openPatientProfile(staff, id, await staffContext()));
  const { patient } = profile;
  const mayEdit = staff.role === "ADMIN" || staff.role === "FRONT_DESK";

  return (
    <>
      <p className="text-sm">
        <Link href="/staff/patients" className="text-teal-900 underline">
          {t("back")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">
        {t("name", { firstName: patient.firstName, lastName: patient.lastName })}
      </h1>
      {saved === "1" ? (
        <p role="status" className="mt-4 rounded-md border border-teal-300 bg-teal-50 p-3 text-sm text-teal-900">
          {t("saved")}
        </p>
      ) : null}

      <section aria-labelledby="contact-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="contact-heading" className="text-lg font-semibold">
            {t("contact")}
          </h2>
          {mayEdit ? (
            <Link href={`/staff/patients/${patient.id}/edit`} className={buttonClass("secondary","sm")}>
              {t("edit")}
            </Link>
          ) : null}
        </div>
        <div className="mt-4">
          <ContactDetails patient={patient} />
        </div>
      </section>

      <PackageBalance staff={staff} patientId={patient.id} />

      <section aria-labelledby="upcoming-heading" className="mt-8">
        <h2 id="upcoming-heading" className="text-lg font-semibold">
          {t("upcoming")}
        </h2>
        <VisitsTable caption={t("upcoming")} visits={profile.upcoming} empty={t("noUpcoming")} mayResend={mayEdit} />
        <CarePlanLink patientId={patient.id} />
      </section>

      <section aria-labelledby="past-heading" className="mt-8">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="past-heading" className="text-lg font-semibold">
            {t("past")}
          </h2>
          <p className="text-sm text-slate-700">
            {t.rich("noShows", { count: profile.noShowCount, strong: (chunks) => <strong>{chunks}</strong> })}
          </p>
        </div>
        <VisitsTable caption={t("pastCaption")} visits={profile.past} empty={t("noPast")} />
        {profile.morePast ? <p className="mt-2 text-sm text-slate-700">{t("mostRecent", { count: profile.past.length })}</p> : null}
      </section>

      <ProgressSection staff={staff} patientId={patient.id} />
      <PaymentsSection staff={staff} patientId={patient.id} />
    </>
  );
}
