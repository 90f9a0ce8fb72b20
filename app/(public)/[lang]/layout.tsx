import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import "../../globals.css";
import { CspSafeZod } from "@/components/csp-safe-zod";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { SkipLink } from "@/components/site/skip-link";
import { getTranslations } from "next-intl/server";
import { isLanguage, languages } from "@/lib/i18n/languages";
import { findPracticeDetails } from "@/lib/practice/data";

// Every page carries a fresh script nonce in its Content-Security-Policy,
// which only a page rendered for its request can have.
export const dynamic = "force-dynamic";

export function generateStaticParams() {
  return languages.map((lang) => ({ lang }));
}

export async function generateMetadata({ params }: LayoutProps<"/[lang]">): Promise<Metadata> {
  const { lang } = await params;
  if (!isLanguage(lang)) return {};
  const [t, practice] = await Promise.all([getTranslations({ locale: lang, namespace: "meta" }), findPracticeDetails()]);
  const title = practice.name;
  return {
    title: { default: title, template: `%s · ${title}` },
    description: practice.isDemo ? t("description") : t("descriptionFor", { practice: practice.name }),
    alternates: { languages: { en: "/en", es: "/es" } },
  };
}

export const viewport: Viewport = {
  themeColor: "#0f766e",
};

export default async function PublicRootLayout({ children, params }: LayoutProps<"/[lang]">) {
  const { lang } = await params;
  if (!isLanguage(lang)) notFound();
  const t = await getTranslations({ locale: lang, namespace: "layout" });
  return (
    <html lang={lang}>
      <body className="flex min-h-dvh flex-col font-sans">
        {/* No translation or query provider here: each page that needs one brings its own, so the others ship less script. */}
        <CspSafeZod />
        <SkipLink label={t("skipToContent")} />
        <SiteHeader language={lang} />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 sm:py-10">
          {children}
        </main>
        <SiteFooter language={lang} />
      </body>
    </html>
  );
}
