import { useTranslations } from "next-intl";

/** A temporary password, shown this once. */
export function TemporaryPassword({ password, forWhom }: { password: string; forWhom: string }) {
  const t = useTranslations("staffAdmin.temporaryPassword");
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-slate-900">
      <p>
        {t("for", { name: forWhom })}{" "}
        <code data-testid="temporary-password" className="rounded bg-white px-1.5 py-0.5 font-mono text-base font-semibold">
          {password}
        </code>
      </p>
      <p className="mt-1 text-slate-700">{t("note")}</p>
    </div>
  );
}
