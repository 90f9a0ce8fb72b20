import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Language } from "@/lib/i18n/languages";
import { findPracticeDetails } from "@/lib/practice/data";
import { telHref } from "./tel-href";

export async function SiteFooter({ language }: { language: Language }) {
  const [t, policies, practice] = await Promise.all([
    getTranslations({ locale: language, namespace: "layout" }),
    getTranslations({ locale: language, namespace: "policies" }),
    findPracticeDetails(),
  ]);
  const contact = [
    practice.phone ? { label: t("footerPhone"), value: <a href={telHref(practice.phone)} className="underline underline-offset-2">{practice.phone}</a> } : null,
    practice.email ? { label: t("footerEmail"), value: <a href={`mailto:${practice.email}`} className="underline underline-offset-2">{practice.email}</a> } : null,
    practice.address ? { label: t("footerAddress"), value: practice.address } : null,
  ].filter((row) => row !== null);
  return (
    <footer className="mt-12 border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-3xl space-y-3 px-4 py-6 text-sm text-slate-600">
        {contact.length > 0 ? (
          <section aria-labelledby="footer-contact">
            <h2 id="footer-contact" className="font-semibold text-slate-800">
              {practice.name} · {t("footerContact")}
            </h2>
            <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3">
              {contact.map((row) => (
                <div key={row.label} className="contents">
                  <dt>{row.label}</dt>
                  <dd className="text-slate-800">{row.value}</dd>
                </div>
              ))}
            </dl>
          </section>
        ) : null}
        <nav aria-label={t("footerPolicies")}>
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            <li>
              <Link href={`/${language}/cancellation-policy`} className="text-brand-800 underline underline-offset-2">
                {policies("cancellation.title")}
              </Link>
            </li>
            <li>
              <Link href={`/${language}/privacy`} className="text-brand-800 underline underline-offset-2">
                {policies("privacy.title")}
              </Link>
            </li>
          </ul>
        </nav>
        <p>{t("footerEmergency")}</p>
        <p>{practice.isDemo ? t("footerDemo") : t("footerStride")}</p>
      </div>
    </footer>
  );
}
