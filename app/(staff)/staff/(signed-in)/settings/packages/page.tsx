import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/require-staff";
import { formatPrice } from "@/lib/i18n/format-price";
import { listOfferSettings } from "@/lib/packages/data";
import { listServiceSettings } from "@/lib/services/data";
import { OfferForm } from "./offer-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffPackages.offers");
  return { title: t("title") };
}

export default async function PackagesSettingsPage() {
  const staff = await requireStaff("ADMIN");
  const [offers, services] = await Promise.all([listOfferSettings(staff), listServiceSettings(staff)]);
  const t = await getTranslations("staffPackages.offers");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("intro")}</p>
      {offers.length === 0 ? (
        <p className="mt-6 rounded-lg border border-slate-200 bg-white p-4">{t("none")}</p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full min-w-[44rem] border-collapse text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3">{t("name")}</th>
                <th scope="col" className="py-2 pr-3">{t("service")}</th>
                <th scope="col" className="py-2 pr-3">{t("visits")}</th>
                <th scope="col" className="py-2 pr-3">{t("validity")}</th>
                <th scope="col" className="py-2 pr-3">{t("price")}</th>
                <th scope="col" className="py-2 pr-3">{t("sold")}</th>
                <th scope="col" className="py-2">{t("status")}</th>
              </tr>
            </thead>
            <tbody>
              {offers.map((offer) => (
                <tr key={offer.id} className="border-b border-slate-200 align-top">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    <Link href={`/staff/settings/packages/${offer.id}`} className="font-semibold text-teal-800 underline underline-offset-2">
                      {offer.nameEn}
                    </Link>
                    <span className="block text-slate-600" lang="es">
                      {offer.nameEs}
                    </span>
                  </th>
                  <td className="py-2 pr-3">{offer.service.nameEn}</td>
                  <td className="py-2 pr-3">{offer.visits}</td>
                  <td className="py-2 pr-3">{t("days", { days: offer.validityDays })}</td>
                  <td className="py-2 pr-3">{formatPrice(offer.priceCents, offer.currency, "en")}</td>
                  <td className="py-2 pr-3">{offer._count.purchases}</td>
                  <td className="py-2">{offer.active ? t("onSale") : <span className="font-semibold text-slate-700">{t("offSale")}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="add-offer-heading" className="mt-8 max-w-3xl rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="add-offer-heading" className="text-lg font-semibold">
          {t("add")}
        </h2>
        <div className="mt-4">
          <OfferForm id={null} services={services.map((s) => ({ value: s.id, label: s.nameEn }))} values={{ active: "on", sortOrder: "0" }} />
        </div>
      </section>
    </>
  );
}
