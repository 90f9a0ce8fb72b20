"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ProgressPoint {
  date: string;
  pain: number;
  function: number;
}

/**
 * Pain (0–10, left scale, solid line with round marks) and function (0–100%,
 * right scale, dashed line with square marks) over time. Drawn for the eye
 * only: the table beside it carries the same numbers for everyone else.
 */
export function ProgressLineChart({ points, painLabel, functionLabel }: { points: ProgressPoint[]; painLabel: string; functionLabel: string }) {
  return (
    <div aria-hidden="true" className="mt-3 h-64 w-full max-w-3xl">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis dataKey="date" tick={{ fill: "#334155", fontSize: 12 }} />
          <YAxis yAxisId="pain" domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} tick={{ fill: "#334155", fontSize: 12 }} />
          <YAxis yAxisId="function" orientation="right" domain={[0, 100]} tick={{ fill: "#334155", fontSize: 12 }} unit="%" />
          <Tooltip />
          <Legend />
          <Line yAxisId="pain" type="monotone" dataKey="pain" name={painLabel} stroke="#b91c1c" strokeWidth={2} dot={{ r: 4 }} isAnimationActive={false} />
          <Line yAxisId="function" type="monotone" dataKey="function" name={functionLabel} stroke="#115e59" strokeWidth={2} strokeDasharray="6 4" dot={{ r: 4, strokeWidth: 2 }} legendType="square" isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
