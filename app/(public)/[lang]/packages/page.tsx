import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formatPrice } from "@/lib/i18n/format-price";
import { isLanguage } from "@/lib/i18n/languages";
import { listActiveOffers } from "@/lib/packages/data";
import { isOnlinePaymentOn } from "@/lib/payments/config";
import { PurchaseForm } from "./purchase-form";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[lang]/packages">): Promise<Metadata> {
  const { lang } = await params;
  if (!isLanguage(lang)) return {};
  const t = await getTranslations({ locale: lang, namespace: "packages" });
  return { title: t("title") };
}

/** The packages the practice sells, and (with online payment on) the form that buys one. */
export default async function PackagesPage({ params }: PageProps<"/[lang]/packages">) {
  const { lang } = await params;
  if (!isLanguage(lang)) notFound();
  const t = await getTranslations({ locale: lang, namespace: "packages" });
  const offers = await listActiveOffers();
  const online = isOnlinePaymentOn();
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight text-brand-900">{t("heading")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      {offers.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4">{t("none")}</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {offers.map((offer) => {
            const single = offer.service.priceCents * offer.visits;
            return (
              <li key={offer.id} className="rounded-lg border border-slate-300 bg-white p-4">
                <h2 className="text-xl font-semibold text-brand-900">{offer.name[lang]}</h2>
                <p className="mt-1">{t("visits", { visits: offer.visits, service: offer.service.name[lang] })}</p>
                <p>{t("validity", { days: offer.validityDays })}</p>
                <p className="mt-2 text-lg font-semibold">{t("price", { price: formatPrice(offer.priceCents, offer.currency, lang) })}</p>
                {single > offer.priceCents ? (
                  <p className="text-slate-700">{t("saving", { amount: formatPrice(single - offer.priceCents, offer.currency, lang), visits: offer.visits })}</p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {offers.length > 0 && !online ? <p className="rounded-lg border border-slate-300 bg-white p-4">{t("atClinic")}</p> : null}
      {offers.length > 0 && online ? (
        <PurchaseForm
          language={lang}
          offers={offers.map((o) => ({ id: o.id, label: `${o.name[lang]} · ${formatPrice(o.priceCents, o.currency, lang)}` }))}
          words={{
            heading: t("form.heading"),
            offer: t("form.offer"),
            firstName: t("form.firstName"),
            lastName: t("form.lastName"),
            email: t("form.email"),
            emailHint: t("form.emailHint"),
            phone: t("form.phone"),
            dateOfBirth: t("form.dateOfBirth"),
            dateOfBirthHint: t("form.dateOfBirthHint"),
            submit: t("form.submit"),
            sending: t("form.sending"),
            failed: t("form.failed", { message: "{message}" }),
            unavailable: t("form.unavailable"),
          }}
        />
      ) : null}
    </div>
  );
}
