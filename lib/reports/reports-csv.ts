import { csvLines, UTF8_BOM } from "../data-transfer/csv-export";
import { percentOf, type Ratio, type Reports } from "./schema";

const HEADER = ["figure", "group", "name", "numerator", "denominator", "rate_percent", "from", "to", "location"] as const;

/**
 * Every figure of the reports as one CSV, one line per figure and group
 * (a week, a therapist, a location: its name in a column of its own), with what was counted and out of how
 * many, so a spreadsheet can recompute the rates. Utilisation is in minutes.
 * Names go through csvLines, which neutralises a cell a spreadsheet would run.
 */
export function reportsCsv(r: Reports): string {
  const where = r.location?.name ?? "All locations";
  const line = (figure: string, group: string, name: string, ratio: Ratio) => {
    const percent = percentOf(ratio);
    return [figure, group, name, String(ratio.numerator), String(ratio.denominator), percent === null ? "" : String(percent), r.from, r.to, where];
  };
  const minutes = (l: { bookedMinutes: number; availableMinutes: number }): Ratio => ({ numerator: l.bookedMinutes, denominator: l.availableMinutes });
  return (
    UTF8_BOM +
    csvLines([
      HEADER,
      line("no-show rate", "all", "", r.noShow.total),
      ...r.noShow.weeks.map((w) => line("no-show rate", "week", w.week, w.ratio)),
      line("late-cancellation rate", "all", "", r.lateCancellation),
      ...r.utilisation.therapists.map((t) => line("utilisation (booked / available minutes)", "therapist", t.name, minutes(t))),
      ...r.utilisation.locations.map((l) => line("utilisation (booked / available minutes)", "location", l.name, minutes(l))),
      line("screening to plan conversion", "all", "", r.conversion),
      line("plan completion", "all", "", r.planCompletion),
      line("exercise adherence", "all", "", r.adherence),
    ])
  );
}
