import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/require-staff";
import { IMPORT_FILE_LIMIT_BYTES } from "@/lib/data-transfer/csv-file";
import { APPOINTMENT_COLUMNS, PATIENT_COLUMNS } from "@/lib/data-transfer/schema";
import { ImportPanel } from "./import-panel";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffData");
  return { title: t("title") };
}

const code = (chunks: React.ReactNode) => <code>{chunks}</code>;

export default async function DataTransferPage() {
  await requireStaff("ADMIN");
  const t = await getTranslations("staffData");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      <section aria-labelledby="import-heading" className="mt-6 max-w-3xl">
        <h2 id="import-heading" className="text-lg font-semibold">
          {t("importPatients")}
        </h2>
        <p className="mt-2 text-slate-700">
          {t.rich("importPatientsText", {
            megabytes: IMPORT_FILE_LIMIT_BYTES / 1024 / 1024,
            required: PATIENT_COLUMNS.required.join(", "),
            optional: PATIENT_COLUMNS.optional.join(", "),
            code,
          })}
        </p>
        <ImportPanel kind="patients" />
      </section>
      <section aria-labelledby="import-appointments-heading" className="mt-10 max-w-3xl">
        <h2 id="import-appointments-heading" className="text-lg font-semibold">
          {t("importAppointments")}
        </h2>
        <p className="mt-2 text-slate-700">
          {t.rich("importAppointmentsText", { required: APPOINTMENT_COLUMNS.required.join(", "), optional: APPOINTMENT_COLUMNS.optional.join(", "), code })}
        </p>
        <ImportPanel kind="appointments" />
      </section>
      <section aria-labelledby="export-heading" className="mt-10 max-w-3xl">
        <h2 id="export-heading" className="text-lg font-semibold">
          {t("export")}
        </h2>
        <p className="mt-2 text-slate-700">{t("exportText")}</p>
        <ul className="mt-3 flex gap-4">
          <li>
            <a href="/api/staff/data/export/patients" download className="text-teal-900 underline">
              {t("downloadPatients")}
            </a>
          </li>
          <li>
            <a href="/api/staff/data/export/appointments" download className="text-teal-900 underline">
              {t("downloadAppointments")}
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}
