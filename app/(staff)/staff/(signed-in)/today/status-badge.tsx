import type { AppointmentStatus } from "@/lib/db/generated/enums";

const LOOK: Record<AppointmentStatus, { label: string; className: string }> = {
  BOOKED: { label: "Booked", className: "bg-slate-100 text-slate-800 ring-slate-300" },
  CHECKED_IN: { label: "Checked in", className: "bg-amber-50 text-amber-900 ring-amber-300" },
  COMPLETED: { label: "Completed", className: "bg-teal-50 text-teal-900 ring-teal-300" },
  CANCELLED: { label: "Cancelled", className: "bg-slate-100 text-slate-700 ring-slate-300" },
  NO_SHOW: { label: "No-show", className: "bg-red-50 text-red-800 ring-red-300" },
};

export function StatusBadge({ status }: { status: AppointmentStatus }) {
  const look = LOOK[status];
  return <span className={`inline-block rounded-full px-3 py-0.5 text-sm font-semibold ring-1 ${look.className}`}>{look.label}</span>;
}
