/** A temporary password, shown this once. */
export function TemporaryPassword({ password, forWhom }: { password: string; forWhom: string }) {
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-slate-900">
      <p>
        Temporary password for {forWhom}:{" "}
        <code data-testid="temporary-password" className="rounded bg-white px-1.5 py-0.5 font-mono text-base font-semibold">
          {password}
        </code>
      </p>
      <p className="mt-1 text-slate-700">It is shown only now and is not stored anywhere readable. Give it to them in person.</p>
    </div>
  );
}
