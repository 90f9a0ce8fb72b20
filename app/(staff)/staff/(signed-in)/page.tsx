import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/require-staff";

export const metadata: Metadata = { title: "Home" };

export default async function StaffHomePage() {
  const staff = await requireStaff();
  return (
    <>
      <h1 className="text-2xl font-bold">Good to see you, {staff.name.split(" ")[0]}</h1>
      <p className="mt-2 text-slate-700">The calendar, schedules, patients and the therapist&apos;s day are being added here next.</p>
    </>
  );
}
