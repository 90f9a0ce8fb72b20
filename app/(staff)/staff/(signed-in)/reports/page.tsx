import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/form/button";
import { requireStaff } from "@/lib/auth/require-staff";
import { AppError } from "@/lib/errors/app-error";
import { staffContext } from "@/lib/http/staff-context";
import { openReports, reportLocations } from "@/lib/reports/data";
import { lastFourWeeks, percentOf, reportQuerySchema, type Ratio, type Reports, type UtilisationLine } from "@/lib/reports/schema";
import { RateBarChart, RateLineChart } from "./report-charts";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffReports");
  return { title: t("title") };
}

const one = (value: string | string[] | undefined) => (typeof value === "string" && value !== "" ? value : undefined);

const hours = (minutes: number) => (Math.round(minutes / 6) / 10).toString();

function windowWords(minutes: number): string {
  if (minutes % 60 === 0) return `${minutes / 60} ${minutes === 60 ? "hour" : "hours"}`;
  return `${minutes} minutes`;
}

/**
 * The practice's figures for a range of local days, each with its definition,
 * what was counted and out of how many, a chart and a table of the same
 * numbers, and a CSV download. A bad range says what is wrong above the form.
 */
export default async function ReportsPage({ searchParams }: PageProps<"/staff/reports">) {
  const staff = await requireStaff("ADMIN");
  const t = await getTranslations("staffReports");
  const params = await searchParams;
  const ctx = await staffContext();
  // Without dates the page shows the last four weeks up to today on the
  // clock of the location chosen (else of the first open location); each
  // figure counts days on its own location's clock.
  const allLocations = await reportLocations();
  const fallback = lastFourWeeks(ctx.now, allLocations, one(params.location));
  const from = one(params.from) ?? (one(params.to) ? undefined : fallback.from);
  const to = one(params.to) ?? (one(params.from) ? undefined : fallback.to);
  const parsed = reportQuerySchema.safeParse({ from, to, location: one(params.location) });
  let reports: Reports | null = null;
  let problem: string | null = null;
  if (!parsed.success) {
    problem = parsed.error.issues[0]?.message ?? t("badQuery", { problem: "" });
  } else {
    try {
      reports = await openReports(staff, parsed.data, ctx, "view");
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "NOT_FOUND") throw error;
      problem = error.message;
    }
  }
  const locations = reports?.locations ?? allLocations;
  const csvHref = reports
    ? `/api/staff/reports?${new URLSearchParams({ from: reports.from, to: reports.to, ...(reports.location ? { location: reports.location.id } : {}), format: "csv" })}`
    : null;

  const counted = (r: Ratio) => t("counted", { numerator: r.numerator, denominator: r.denominator });
  const rate = (r: Ratio) => {
    const p = percentOf(r);
    return p === null ? t("noRate") : `${p}%`;
  };

  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{t("intro")}</p>

      {problem ? (
        <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {t("badQuery", { problem })}
        </p>
      ) : null}

      <form method="get" action="/staff/reports" className="mt-4 flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4">
        <div>
          <label htmlFor="reports-from" className="block text-sm font-semibold text-slate-900">
            {t("from")}
          </label>
          <input id="reports-from" name="from" type="date" defaultValue={from} min="1900-01-01" max="2200-12-31" className="mt-1 rounded-md border border-slate-400 px-3 py-2" />
        </div>
        <div>
          <label htmlFor="reports-to" className="block text-sm font-semibold text-slate-900">
            {t("to")}
          </label>
          <input id="reports-to" name="to" type="date" defaultValue={to} min="1900-01-01" max="2200-12-31" className="mt-1 rounded-md border border-slate-400 px-3 py-2" />
        </div>
        <div>
          <label htmlFor="reports-location" className="block text-sm font-semibold text-slate-900">
            {t("location")}
          </label>
          <select id="reports-location" name="location" defaultValue={one(params.location) ?? ""} className="mt-1 rounded-md border border-slate-400 px-3 py-2">
            <option value="">{t("allLocations")}</option>
            {locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass("primary")}>
          {t("show")}
        </button>
      </form>

      {reports ? (
        <>
          <div className="mt-6 flex flex-wrap items-baseline justify-between gap-2">
            <p className="text-slate-700">{t("scope", { from: reports.from, to: reports.to, location: reports.location?.name ?? t("allLocations") })}</p>
            {csvHref ? (
              <a href={csvHref} className={buttonClass("secondary", "sm")} download>
                {t("download")}
              </a>
            ) : null}
          </div>

          <table className="mt-4 w-full max-w-3xl border-collapse text-left text-sm">
            <caption className="mb-2 text-left font-semibold">{t("summaryCaption")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">{t("figure")}</th>
                <th scope="col" className="py-2 pr-4">{t("numerator")}</th>
                <th scope="col" className="py-2 pr-4">{t("denominator")}</th>
                <th scope="col" className="py-2">{t("rate")}</th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  [t("noShow.title"), reports.noShow.total],
                  [t("late.title"), reports.lateCancellation],
                  [t("conversion.title"), reports.conversion],
                  [t("completion.title"), reports.planCompletion],
                  [t("adherence.title"), reports.adherence],
                ] as const
              ).map(([name, r]) => (
                <tr key={name} className="border-b border-slate-200">
                  <th scope="row" className="py-2 pr-4 font-medium">{name}</th>
                  <td className="py-2 pr-4">{r.numerator}</td>
                  <td className="py-2 pr-4">{r.denominator}</td>
                  <td className="py-2">{rate(r)}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <Figure id="no-show" title={t("noShow.title")} definition={t("noShow.definition")} figure={`${counted(reports.noShow.total)} · ${rate(reports.noShow.total)}`}>
            {reports.noShow.weeks.length === 0 ? (
              <p className="mt-2 text-slate-700">{t("noShow.none")}</p>
            ) : (
              <>
                <RateLineChart label={t("noShow.chart")} points={reports.noShow.weeks.map((w) => ({ name: w.week, percent: percentOf(w.ratio) }))} />
                <RatioTable
                  caption={t("noShow.caption")}
                  groupHeading={t("noShow.week")}
                  rows={reports.noShow.weeks.map((w) => ({ key: w.week, name: w.week, ratio: w.ratio }))}
                  headings={[t("numerator"), t("denominator"), t("rate")]}
                  rate={rate}
                />
              </>
            )}
          </Figure>

          <Figure
            id="late-cancellation"
            title={t("late.title")}
            definition={t("late.definition", {
              window: reports.lateCancellation.windowMinutes === 0 ? t("late.windowNone") : windowWords(reports.lateCancellation.windowMinutes),
              cancelled: reports.lateCancellation.cancelled,
            })}
            figure={`${counted(reports.lateCancellation)} · ${rate(reports.lateCancellation)}`}
          />

          <Figure id="utilisation" title={t("utilisation.title")} definition={t("utilisation.definition")}>
            {reports.utilisation.therapists.length === 0 ? (
              <p className="mt-2 text-slate-700">{t("utilisation.none")}</p>
            ) : (
              <>
                <UtilisationPart heading={t("utilisation.therapists")} caption={t("utilisation.therapistCaption")} groupHeading={t("utilisation.therapist")} lines={reports.utilisation.therapists} t={t} rate={rate} />
                <UtilisationPart heading={t("utilisation.locations")} caption={t("utilisation.locationCaption")} groupHeading={t("utilisation.place")} lines={reports.utilisation.locations} t={t} rate={rate} />
              </>
            )}
          </Figure>

          <Figure id="conversion" title={t("conversion.title")} definition={t("conversion.definition")} figure={`${counted(reports.conversion)} · ${rate(reports.conversion)}`} />
          <Figure
            id="plan-completion"
            title={t("completion.title")}
            definition={t("completion.definition", { plans: reports.planCompletion.plans })}
            figure={`${counted(reports.planCompletion)} · ${rate(reports.planCompletion)}`}
          />
          <Figure id="adherence" title={t("adherence.title")} definition={t("adherence.definition")} figure={`${counted(reports.adherence)} · ${rate(reports.adherence)}`} />
        </>
      ) : null}
    </>
  );
}

function Figure({ id, title, definition, figure, children }: { id: string; title: string; definition: string; figure?: string; children?: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-8" data-figure={id}>
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-1 max-w-prose text-sm text-slate-700">{definition}</p>
      {figure ? <p className="mt-2 text-xl font-semibold" data-figure-value={id}>{figure}</p> : null}
      {children}
    </section>
  );
}

function RatioTable({
  caption,
  groupHeading,
  headings,
  rows,
  rate,
}: {
  caption: string;
  groupHeading: string;
  headings: readonly [string, string, string];
  rows: { key: string; name: string; ratio: Ratio; shown?: [string, string] }[];
  rate: (r: Ratio) => string;
}) {
  return (
    <table className="mt-3 w-full max-w-3xl border-collapse text-left text-sm">
      <caption className="mb-2 text-left font-semibold">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-2 pr-4">{groupHeading}</th>
          {headings.map((h) => (
            <th key={h} scope="col" className="py-2 pr-4">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className="border-b border-slate-200">
            <th scope="row" className="py-2 pr-4 font-medium">{r.name}</th>
            <td className="py-2 pr-4">{r.shown?.[0] ?? r.ratio.numerator}</td>
            <td className="py-2 pr-4">{r.shown?.[1] ?? r.ratio.denominator}</td>
            <td className="py-2 pr-4">{rate(r.ratio)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function UtilisationPart({
  heading,
  caption,
  groupHeading,
  lines,
  t,
  rate,
}: {
  heading: string;
  caption: string;
  groupHeading: string;
  lines: UtilisationLine[];
  t: Awaited<ReturnType<typeof getTranslations<"staffReports">>>;
  rate: (r: Ratio) => string;
}) {
  const ratioOf = (l: UtilisationLine): Ratio => ({ numerator: l.bookedMinutes, denominator: l.availableMinutes });
  return (
    <>
      <h3 className="mt-4 font-semibold">{heading}</h3>
      <RateBarChart label={heading} bars={lines.map((l) => ({ name: l.name, percent: percentOf(ratioOf(l)) }))} />
      <RatioTable
        caption={caption}
        groupHeading={groupHeading}
        headings={[t("utilisation.booked"), t("utilisation.available"), t("rate")]}
        rows={lines.map((l) => ({ key: l.id, name: l.name, ratio: ratioOf(l), shown: [hours(l.bookedMinutes), hours(l.availableMinutes)] }))}
        rate={rate}
      />
    </>
  );
}
