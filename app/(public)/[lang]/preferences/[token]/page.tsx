import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LinkNotValid } from "@/components/site/link-not-valid";
import { isLanguage } from "@/lib/i18n/languages";
import { findReminderPreferences } from "@/lib/patient-preferences/data";
import { saveReminderPreferencesAction } from "./actions";

// Where a reminder's "Choose how we remind you" link leads. Opening it
// changes nothing; the form's POST does.

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[lang]/preferences/[token]">): Promise<Metadata> {
  const { lang } = await params;
  // The address holds a private token: keep it out of search engines.
  return { title: isLanguage(lang) ? (await getTranslations({ locale: lang, namespace: "preferences" }))("title") : undefined, robots: { index: false, follow: false } };
}

export default async function ReminderPreferencesPage({ params, searchParams }: PageProps<"/[lang]/preferences/[token]">) {
  const [{ lang, token }, query] = await Promise.all([params, searchParams]);
  if (!isLanguage(lang)) notFound();
  const [t, preferences] = await Promise.all([getTranslations({ locale: lang, namespace: "preferences" }), findReminderPreferences(token, new Date())]);
  if (!preferences) {
    return <LinkNotValid title={t("title")} message={t("notFound")} />;
  }
  return (
    <>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      {query.saved === "1" ? (
        <p role="status" className="mt-6 max-w-2xl rounded-md border border-teal-700 bg-teal-50 p-4 text-lg">
          {t("saved")}
        </p>
      ) : null}
      <p className="mt-6 max-w-2xl text-lg">{t("hello", { name: preferences.firstName })}</p>
      <form action={saveReminderPreferencesAction.bind(null, lang, token)} className="mt-6 max-w-2xl space-y-6">
        <fieldset className="space-y-3 rounded-xl border border-slate-300 bg-white p-4">
          <legend className="px-1 text-lg font-semibold">{t("legend")}</legend>
          <div className="flex items-center gap-3">
            <input id="reminders-email" type="checkbox" name="emailReminders" defaultChecked={!preferences.emailRemindersOff} className="size-5" />
            <label htmlFor="reminders-email" className="text-lg">
              {t("email")}
            </label>
          </div>
          <div className="flex items-center gap-3">
            <input id="reminders-sms" type="checkbox" name="smsReminders" defaultChecked={!preferences.smsRemindersOff} className="size-5" />
            <label htmlFor="reminders-sms" className="text-lg">
              {t("sms")}
            </label>
          </div>
        </fieldset>
        <p className="text-stone-700">{t("note")}</p>
        <button
          type="submit"
          className="inline-flex items-center justify-center rounded-md bg-teal-800 px-5 py-3 text-lg font-semibold text-white hover:bg-teal-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
        >
          {t("save")}
        </button>
      </form>
    </>
  );
}
