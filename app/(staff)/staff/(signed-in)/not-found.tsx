import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Within the staff area's own frame and styles (Next.js's bare default page brings an inline style the policy refuses). */
export default async function StaffPageNotFound() {
  const t = await getTranslations("staffNav.notFound");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("text")}</p>
      <p className="mt-4">
        <Link href="/staff" className="text-teal-900 underline">
          {t("back")}
        </Link>
      </p>
    </>
  );
}
