import type { Metadata } from "next";
import "../globals.css";

export const metadata: Metadata = {
  title: { default: "Stride staff", template: "%s · Stride staff" },
  robots: { index: false, follow: false },
};

export default function StaffRootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh bg-slate-50 font-sans text-slate-900">{children}</body>
    </html>
  );
}
