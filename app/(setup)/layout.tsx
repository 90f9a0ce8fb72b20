import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { CspSafeZod } from "@/components/csp-safe-zod";
import { catalogs } from "@/lib/i18n/catalog";
import "../globals.css";

// Every page carries a fresh script nonce in its Content-Security-Policy,
// which only a page rendered for its request can have.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffSetup");
  return {
    title: { default: t("titleDefault"), template: t("titleTemplate") },
    robots: { index: false, follow: false },
    // The link's token is in the address: never hand it on to another site (and keep the
    // form's Origin, which "no-referrer" would blank, for the same-origin rule on writes).
    referrer: "same-origin",
  };
}

export default function SetupRootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh bg-slate-50 font-sans text-slate-900">
        <CspSafeZod />
        {/* The setup form's words, the only messages its client components read. */}
        <NextIntlClientProvider locale="en" messages={{ staffSetup: catalogs.en.staffSetup }}>
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
