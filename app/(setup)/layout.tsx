import type { Metadata } from "next";
import { CspSafeZod } from "@/components/csp-safe-zod";
import "../globals.css";

// Every page carries a fresh script nonce in its Content-Security-Policy,
// which only a page rendered for its request can have.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Set up Stride", template: "%s · Stride" },
  robots: { index: false, follow: false },
  // The link's token is in the address: never hand it on to another site.
  referrer: "no-referrer",
};

export default function SetupRootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh bg-slate-50 font-sans text-slate-900">
        <CspSafeZod />
        {children}
      </body>
    </html>
  );
}
