export function SkipLink({ label }: { label: string }) {
  return (
    <a
      href="#main"
      className="fixed top-3 left-3 z-50 -translate-y-24 rounded-md bg-white px-4 py-3 font-semibold text-brand-800 underline shadow-lg focus:translate-y-0"
    >
      {label}
    </a>
  );
}
