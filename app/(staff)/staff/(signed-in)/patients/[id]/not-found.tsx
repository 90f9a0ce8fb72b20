import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function PatientNotFound() {
  const t = await getTranslations("staffPatients.notFound");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("text")}</p>
      <p className="mt-4">
        <Link href="/staff/patients" className="text-teal-900 underline">
          {t("search")}
        </Link>
      </p>
    </>
  );
}
