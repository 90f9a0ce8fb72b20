"use client";

import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/**
 * The report's pictures. They repeat the numbers of the table under each of
 * them, which is what assistive technology reads, so the drawing itself is
 * hidden from it (and kept out of the tab order).
 */
export function RateLineChart({ points, label }: { points: { name: string; percent: number | null }[]; label: string }) {
  return (
    <div aria-hidden="true" className="mt-3 h-64 w-full max-w-3xl" data-chart={label}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="#cbd5e1" strokeDasharray="3 3" />
          <XAxis dataKey="name" tick={{ fill: "#334155", fontSize: 12 }} />
          <YAxis unit="%" domain={[0, 100]} tick={{ fill: "#334155", fontSize: 12 }} />
          <Tooltip formatter={(v) => `${String(v)}%`} />
          <Line type="monotone" dataKey="percent" stroke="#1d4ed8" strokeWidth={2} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function RateBarChart({ bars, label }: { bars: { name: string; percent: number | null }[]; label: string }) {
  return (
    <div aria-hidden="true" className="mt-3 h-64 w-full max-w-3xl" data-chart={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bars} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="#cbd5e1" strokeDasharray="3 3" />
          <XAxis dataKey="name" tick={{ fill: "#334155", fontSize: 12 }} />
          <YAxis unit="%" tick={{ fill: "#334155", fontSize: 12 }} />
          <Tooltip formatter={(v) => `${String(v)}%`} />
          <Bar dataKey="percent" fill="#1d4ed8" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
