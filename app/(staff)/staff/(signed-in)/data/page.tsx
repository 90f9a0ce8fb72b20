import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/require-staff";
import { IMPORT_FILE_LIMIT_BYTES } from "@/lib/data-transfer/csv-file";
import { APPOINTMENT_COLUMNS, PATIENT_COLUMNS } from "@/lib/data-transfer/schema";
import { ImportPanel } from "./import-panel";

export const metadata: Metadata = { title: "Import and export" };

export default async function DataTransferPage() {
  await requireStaff("ADMIN");
  return (
    <>
      <h1 className="text-2xl font-bold">Import and export</h1>
      <section aria-labelledby="import-heading" className="mt-6 max-w-3xl">
        <h2 id="import-heading" className="text-lg font-semibold">
          Import patients
        </h2>
        <p className="mt-2 text-slate-700">
          A CSV file in UTF-8 of at most {IMPORT_FILE_LIMIT_BYTES / 1024 / 1024} MB whose header row names the columns{" "}
          <code>{PATIENT_COLUMNS.required.join(", ")}</code> and, if you have them, <code>{PATIENT_COLUMNS.optional.join(", ")}</code>. Dates of birth
          are written YYYY-MM-DD; the language is en or es. You see what the file would do before anything is written; a patient already here (same
          first name, email and date of birth) is left as they are, and a file with any row in error imports nothing.
        </p>
        <ImportPanel kind="patients" />
      </section>
      <section aria-labelledby="import-appointments-heading" className="mt-10 max-w-3xl">
        <h2 id="import-appointments-heading" className="text-lg font-semibold">
          Import upcoming appointments
        </h2>
        <p className="mt-2 text-slate-700">
          From another system, once its patients are here. Columns <code>{APPOINTMENT_COLUMNS.required.join(", ")}</code> and, if you have them,{" "}
          <code>{APPOINTMENT_COLUMNS.optional.join(", ")}</code>. The therapist, service and location are named by their name or slug; the start is
          written 2031-01-31T09:00-06:00, or 2031-01-31 09:00 in the location&apos;s time zone; the mode is clinic, home or video. Give each row the other
          system&apos;s id in <code>source_id</code> so that importing the file again books nothing twice. Patients are not sent links for imported visits.
        </p>
        <ImportPanel kind="appointments" />
      </section>
      <section aria-labelledby="export-heading" className="mt-10 max-w-3xl">
        <h2 id="export-heading" className="text-lg font-semibold">
          Export
        </h2>
        <p className="mt-2 text-slate-700">CSV files for spreadsheet programs (UTF-8). Every export is recorded in the audit log.</p>
        <ul className="mt-3 flex gap-4">
          <li>
            <a href="/api/staff/data/export/patients" download className="text-teal-900 underline">
              Download all patients
            </a>
          </li>
          <li>
            <a href="/api/staff/data/export/appointments" download className="text-teal-900 underline">
              Download all appointments
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}
