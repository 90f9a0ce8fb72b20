import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth/require-staff";
import { listOfferSettings } from "@/lib/packages/data";
import { listServiceSettings } from "@/lib/services/data";
import { OfferForm } from "../offer-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffPackages.offers");
  return { title: t("editHeading") };
}

export default async function EditPackagePage({ params }: PageProps<"/staff/settings/packages/[id]">) {
  const staff = await requireStaff("ADMIN");
  const { id } = await params;
  const [offers, services] = await Promise.all([listOfferSettings(staff), listServiceSettings(staff)]);
  const offer = offers.find((o) => o.id === id);
  if (!offer) notFound();
  const t = await getTranslations("staffPackages.offers");
  return (
    <>
      <p className="text-sm">
        <Link href="/staff/settings/packages" className="text-teal-900 underline">
          {t("back")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t("editHeading")}</h1>
      <div className="mt-6 max-w-3xl">
        <OfferForm
          id={offer.id}
          services={services.map((s) => ({ value: s.id, label: s.nameEn }))}
          values={{
            nameEn: offer.nameEn,
            nameEs: offer.nameEs,
            serviceId: offer.serviceId,
            visits: String(offer.visits),
            validityDays: String(offer.validityDays),
            price: (offer.priceCents / 100).toFixed(2),
            sortOrder: String(offer.sortOrder),
            active: offer.active ? "on" : "",
          }}
        />
      </div>
    </>
  );
}
