import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Language } from "@/lib/i18n/languages";

/** "Lost your link? Find my booking": wherever a patient is told to keep or check the link from their email. */
export function FindBookingHint({ language, className }: { language: Language; className: string }) {
  const t = useTranslations("lookup");
  return (
    <p className={className}>
      {t("lostLink")}{" "}
      <Link href={`/${language}/manage`} className="font-semibold text-brand-800 underline underline-offset-2">
        {t("findIt")}
      </Link>
    </p>
  );
}
