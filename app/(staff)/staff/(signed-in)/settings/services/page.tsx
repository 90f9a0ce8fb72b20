import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/form/button";
import { requireStaff } from "@/lib/auth/require-staff";
import { listServiceSettings } from "@/lib/services/data";
import { ServiceOrderButtons } from "./service-order-buttons";
import { depositLabel, durationParts, modeListParts, priceLabel } from "./service-labels";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffSettings");
  return { title: t("services.title") };
}

export default async function ServicesSettingsPage() {
  const staff = await requireStaff("ADMIN");
  const services = await listServiceSettings(staff);
  const t = await getTranslations("staffSettings.services");

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("heading")}</h1>
        <Link href="/staff/settings/services/new" className={buttonClass("primary")}>
          {t("add")}
        </Link>
      </div>
      <p className="mt-2 max-w-3xl text-slate-700">
        {t("intro")}
      </p>
      {services.length === 0 ? (
        <p className="mt-6 rounded-lg border border-slate-200 bg-white p-4">{t("none")}</p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full min-w-[52rem] border-collapse text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3">
                  {t("service")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("length")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("price")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("payment")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("kinds")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("therapists")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("status")}
                </th>
                <th scope="col" className="py-2">
                  {t("order")}
                </th>
              </tr>
            </thead>
            <tbody>
              {services.map((service, index) => (
                <tr key={service.id} className="border-b border-slate-200 align-top">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    <Link href={`/staff/settings/services/${service.id}`} className="font-semibold text-teal-800 underline underline-offset-2">
                      {service.nameEn}
                    </Link>
                    <span className="block text-slate-600" lang="es">
                      {service.nameEs}
                    </span>
                  </th>
                  <td className="py-2 pr-3">{t("duration", durationParts(service.durationMinutes))}</td>
                  <td className="py-2 pr-3">{priceLabel(service.priceCents, service.currency) ?? t("free")}</td>
                  <td className="py-2 pr-3">{t("paymentValue", { rule: service.paymentRule, deposit: depositLabel(service) })}</td>
                  <td className="py-2 pr-3">{t("modes", modeListParts(service.visitModes, (mode) => t("modeWord", { mode })))}</td>
                  <td className="py-2 pr-3">{service.therapistCount === 0 ? t("noTherapists") : service.therapistCount}</td>
                  <td className="py-2 pr-3">{service.active ? t("offered") : <span className="font-semibold text-slate-700">{t("notOffered")}</span>}</td>
                  <td className="py-2">
                    <ServiceOrderButtons id={service.id} name={service.nameEn} isFirst={index === 0} isLast={index === services.length - 1} position={index + 1} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
