import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/require-staff";
import { pagesFor } from "@/lib/staff/navigation";

export const metadata: Metadata = { title: "Home" };

export default async function StaffHomePage() {
  const staff = await requireStaff();
  return (
    <>
      <h1 className="text-2xl font-bold">Good to see you, {staff.name.split(" ")[0]}</h1>
      <ul className="mt-6 grid gap-3 sm:grid-cols-2">
        {pagesFor(staff.role).map((page) => (
          <li key={page.href}>
            <Link href={page.href} className="block rounded-lg border border-slate-200 bg-white p-4 font-semibold text-teal-900 hover:border-teal-700">
              {page.label}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
