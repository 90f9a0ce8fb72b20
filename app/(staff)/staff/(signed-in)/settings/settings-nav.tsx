"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

export const SETTINGS_PAGES = [
  { href: "/staff/settings", key: "practice" },
  { href: "/staff/settings/locations", key: "locations" },
  { href: "/staff/settings/services", key: "services" },
  { href: "/staff/settings/therapists", key: "therapists" },
  { href: "/staff/settings/reasons", key: "reasons" },
  { href: "/staff/settings/packages", key: "packages" },
] as const;

export function SettingsNav() {
  const pathname = usePathname();
  const t = useTranslations("staffSettings.nav");
  // A page under a section (a location's own page) keeps its section marked.
  const current = [...SETTINGS_PAGES].reverse().find((p) => pathname === p.href || pathname.startsWith(`${p.href}/`))?.href;
  return (
    <nav aria-label={t("label")}>
      <ul className="flex flex-wrap gap-1 text-sm md:flex-col">
        {SETTINGS_PAGES.map((page) => (
          <li key={page.href}>
            <Link
              href={page.href}
              aria-current={page.href === current ? "page" : undefined}
              className="block rounded-md px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-100 aria-[current=page]:bg-teal-50 aria-[current=page]:text-teal-900"
            >
              {t(page.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
