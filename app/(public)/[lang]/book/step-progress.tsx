import { TOTAL_STEPS } from "./step-names";

/** The bar of steps above each step's heading; the heading says the same in words. */
export function StepProgress({ step }: { step: number }) {
  return (
    <div aria-hidden="true" className="mb-4 flex gap-1.5">
      {Array.from({ length: TOTAL_STEPS }, (_, index) => (
        <span key={index} className={`h-1.5 flex-1 rounded-full ${index < step ? "bg-brand-700" : "bg-slate-200"}`} />
      ))}
    </div>
  );
}
