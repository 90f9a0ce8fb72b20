import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/form/button";
import { requireStaff } from "@/lib/auth/require-staff";
import { AppError } from "@/lib/errors/app-error";
import { staffContext } from "@/lib/http/staff-context";
import { formatLocalDay, formatZoneName } from "@/lib/i18n/format-date-time";
import { openTakings, takingsLocations } from "@/lib/money/data";
import { takingsQuerySchema, type Takings } from "@/lib/money/schema";
import { TakingsTable } from "./takings-table";
import { TotalsTable } from "./totals-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffMoney.takings");
  return { title: t("title") };
}

const one = (value: string | string[] | undefined) => (typeof value === "string" && value !== "" ? value : undefined);

/**
 * A location's takings for one day on its own clock: what was taken and
 * given back for its visits, with totals per currency and a CSV download.
 * A bad address (no such date, an unknown location) says what is wrong
 * above the picker instead of failing.
 */
export default async function TakingsPage({ searchParams }: PageProps<"/staff/takings">) {
  const staff = await requireStaff("ADMIN", "FRONT_DESK");
  const t = await getTranslations("staffMoney.takings");
  const params = await searchParams;
  const parsed = takingsQuerySchema.safeParse({ location: one(params.location), date: one(params.date) });
  let takings: Takings | null = null;
  let problem: string | null = null;
  if (!parsed.success) {
    problem = parsed.error.issues[0]?.message ?? t("noLocation");
  } else {
    try {
      takings = await openTakings(staff, parsed.data, await staffContext(), "view");
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "NOT_FOUND") throw error;
      problem = error.message;
    }
  }
  const locations = takings?.locations ?? (await takingsLocations());
  const date = takings?.date ?? (parsed.success ? parsed.data.date : undefined);
  const csvHref = takings ? `/api/staff/takings?${new URLSearchParams({ location: takings.location.id, date: takings.date })}` : null;

  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{t("intro")}</p>

      {problem ? (
        <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {t("badQuery", { problem })}
        </p>
      ) : null}

      <form method="get" action="/staff/takings" className="mt-4 flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4">
        <div>
          <label htmlFor="takings-location" className="block text-sm font-semibold text-slate-900">
            {t("location")}
          </label>
          <select id="takings-location" name="location" defaultValue={takings?.location.id} className="mt-1 rounded-md border border-slate-400 px-3 py-2">
            {locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="takings-date" className="block text-sm font-semibold text-slate-900">
            {t("date")}
          </label>
          <input id="takings-date" name="date" type="date" defaultValue={date} min="1900-01-01" max="2200-12-31" className="mt-1 rounded-md border border-slate-400 px-3 py-2" />
        </div>
        <button type="submit" className={buttonClass("primary")}>
          {t("show")}
        </button>
      </form>

      {takings ? (
        <>
          <section aria-labelledby="takings-heading" className="mt-8">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="takings-heading" className="text-lg font-semibold">
                {t("heading", { location: takings.location.name, date: formatLocalDay(takings.date, "en") })}
              </h2>
              {csvHref ? (
                <a href={csvHref} className={buttonClass("secondary", "sm")} download>
                  {t("download")}
                </a>
              ) : null}
            </div>
            <p className="mt-1 text-sm text-slate-700">{t("zone", { zone: formatZoneName(takings.location.timeZone, "en") })}</p>
            {takings.lines.length === 0 ? (
              <p className="mt-2 text-slate-700">{t("none")}</p>
            ) : (
              <>
                <TakingsTable caption={t("caption", { location: takings.location.name, date: takings.date })} lines={takings.lines} timeZone={takings.location.timeZone} />
                <TotalsTable caption={t("totalsCaption")} totals={takings.totals} />
              </>
            )}
          </section>

          <section aria-labelledby="untied-heading" className="mt-8">
            <h2 id="untied-heading" className="text-lg font-semibold">
              {t("untiedTitle")}
            </h2>
            <p className="mt-1 max-w-prose text-sm text-slate-700">{t("untiedIntro")}</p>
            {takings.untied.length === 0 ? (
              <p className="mt-2 text-slate-700">{t("untiedNone")}</p>
            ) : (
              <>
                <TakingsTable caption={t("untiedCaption", { date: takings.date })} lines={takings.untied} timeZone={takings.location.timeZone} />
                <TotalsTable caption={t("untiedTotalsCaption")} totals={takings.untiedTotals} />
              </>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
