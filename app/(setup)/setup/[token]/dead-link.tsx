import Link from "next/link";
import { useTranslations } from "next-intl";

/** The same page for an unknown, used or expired link: it says nothing about which. */
export function DeadLink() {
  // Shown by the server page and by the client form alike, so it reads its words the way both can.
  const t = useTranslations("staffSetup.dead");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      <p>{t.rich("text", { code: (chunks) => <code className="rounded bg-slate-200 px-1">{chunks}</code> })}</p>
      <p>
        <Link href="/staff/sign-in" className="font-semibold text-teal-800 underline underline-offset-2">
          {t("signIn")}
        </Link>
      </p>
    </div>
  );
}
