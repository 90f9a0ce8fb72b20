import { buttonClass } from "@/components/form/button";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AUDIT_ACTION_NAMES } from "@/lib/audit/actions";

interface Props {
  values: Record<"staff" | "action" | "patient" | "from" | "to", string>;
  errors: Record<string, string>;
  staff: { id: string; name: string; email: string }[];
}

export async function AuditFilters({ values, errors, staff }: Props) {
  const t = await getTranslations("staffAudit");
  const input = "mt-1 w-full rounded-md border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700";
  const field = (name: keyof Props["values"]) =>
    errors[name] ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {};
  const error = (name: string) =>
    errors[name] ? (
      <p id={`${name}-error`} className="mt-1 text-sm text-red-800">
        {errors[name]}
      </p>
    ) : null;

  return (
    <form action="/staff/audit" method="get" className="mt-6 rounded-lg border border-slate-200 bg-white p-5" aria-labelledby="filters-heading">
      <h2 id="filters-heading" className="text-lg font-semibold">
        {t("filters.title")}
      </h2>
      <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <div>
          <label htmlFor="staff" className="block text-sm font-medium">
            {t("filters.staff")}
          </label>
          <select id="staff" name="staff" defaultValue={values.staff} className={input} {...field("staff")}>
            <option value="">{t("filters.anyone")}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {t("filters.staffOption", { name: s.name, email: s.email })}
              </option>
            ))}
          </select>
          {error("staff")}
        </div>
        <div>
          <label htmlFor="action" className="block text-sm font-medium">
            {t("filters.action")}
          </label>
          <select id="action" name="action" defaultValue={values.action} className={input} {...field("action")}>
            <option value="">{t("filters.anyAction")}</option>
            {AUDIT_ACTION_NAMES.map((a) => (
              <option key={a} value={a}>
                {t("filters.actionOption", { label: t(`action.${a}`), action: a })}
              </option>
            ))}
          </select>
          {error("action")}
        </div>
        <div>
          <label htmlFor="patient" className="block text-sm font-medium">
            {t("filters.patient")}
          </label>
          <input id="patient" name="patient" type="text" defaultValue={values.patient} autoComplete="off" spellCheck={false} className={input} {...field("patient")} />
          {error("patient")}
        </div>
        <div>
          <label htmlFor="from" className="block text-sm font-medium">
            {t("filters.from")}
          </label>
          <input id="from" name="from" type="date" defaultValue={values.from} className={input} aria-describedby={errors.from ? "from-error utc-note" : "utc-note"} aria-invalid={errors.from ? true : undefined} />
          {error("from")}
        </div>
        <div>
          <label htmlFor="to" className="block text-sm font-medium">
            {t("filters.to")}
          </label>
          <input id="to" name="to" type="date" defaultValue={values.to} className={input} aria-describedby={errors.to ? "to-error utc-note" : "utc-note"} aria-invalid={errors.to ? true : undefined} />
          {error("to")}
        </div>
      </div>
      <p id="utc-note" className="mt-3 text-sm text-slate-700">
        {t("filters.utcNote")}
      </p>
      {error("after")}
      <div className="mt-4 flex items-center gap-3">
        <button type="submit" className={buttonClass("primary")}>
          {t("filters.apply")}
        </button>
        <Link href="/staff/audit" className="text-teal-900 underline">
          {t("filters.clear")}
        </Link>
      </div>
    </form>
  );
}
