import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { isLanguage } from "@/lib/i18n/languages";
import { findPatientIntake } from "@/lib/progress/data";
import { INTAKE_FLASH_COOKIE, readIntakeFlash } from "./flash";
import { IntakeFormView } from "./intake-form";

// The intake form sent before a patient's first visit, opened from the private
// link in the confirmation: no account, made for a phone, and the form posts
// without JavaScript. A wrong, altered or expired link is the plain not-found
// page; a form answered already thanks the patient and asks nothing again.

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[lang]/intake/[token]">): Promise<Metadata> {
  const { lang } = await params;
  // The address holds a private token: keep it out of search engines.
  return { title: isLanguage(lang) ? (await getTranslations({ locale: lang, namespace: "intake" }))("title") : undefined, robots: { index: false, follow: false } };
}

export default async function IntakePage({ params, searchParams }: PageProps<"/[lang]/intake/[token]">) {
  const [{ lang, token }, query] = await Promise.all([params, searchParams]);
  if (!isLanguage(lang)) notFound();
  const intake = await findPatientIntake(token, new Date());
  if (!intake) notFound();
  const t = await getTranslations({ locale: lang, namespace: "intake" });
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      {intake.submitted ? (
        <p role="status" className="mt-4 rounded-md border border-teal-700 bg-teal-50 p-3 text-lg">
          {t("thanks")}
        </p>
      ) : (
        <>
          <p className="mt-3 text-lg">{t("intro", { name: intake.firstName })}</p>
          {/* Refused answers come back once, right after the form was sent (?problem=1). */}
          <IntakeFormView lang={lang} token={token} questions={intake.form.questions} state={query.problem === "1" ? readIntakeFlash((await cookies()).get(INTAKE_FLASH_COOKIE)?.value) : { problems: {}, values: {} }} />
        </>
      )}
    </div>
  );
}
