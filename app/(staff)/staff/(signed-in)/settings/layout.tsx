import { requireStaff } from "@/lib/auth/require-staff";
import { SettingsNav } from "./settings-nav";

/** Every settings page is the administrators' alone; each page and action checks again. */
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  await requireStaff("ADMIN");
  return (
    <div className="grid gap-6 md:grid-cols-[12rem_1fr]">
      <SettingsNav />
      <div className="min-w-0">{children}</div>
    </div>
  );
}
