import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { CspSafeZod } from "@/components/csp-safe-zod";
import { staffMessages } from "@/lib/i18n/catalog";
import "../globals.css";

// Every page carries a fresh script nonce in its Content-Security-Policy,
// which only a page rendered for its request can have.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Stride staff", template: "%s · Stride staff" },
  robots: { index: false, follow: false },
};

export default function StaffRootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh bg-slate-50 font-sans text-slate-900">
        <CspSafeZod />
        <NextIntlClientProvider locale="en" messages={staffMessages()}>
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
