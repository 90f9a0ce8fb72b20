import { csvLines, UTF8_BOM } from "../data-transfer/csv-export";
import { translator } from "../i18n/catalog";
import { formatInstantWithOffset } from "../scheduling/zone-time";
import type { Takings, TakingsLine } from "./schema";

/** "12.50": amounts as numbers a spreadsheet sums (a refund is positive, its kind says it is one). */
function decimal(cents: number): string {
  return (cents / 100).toFixed(2);
}

/**
 * The takings list as a CSV file for spreadsheet programs: the location's
 * lines, then those tied to no visit, each cell neutralised against formula
 * injection (a patient's name is theirs to choose). Times carry the
 * location's offset, so the file says which clock it was read on.
 */
export function takingsCsv(takings: Takings): string {
  const t = translator("en", "staffMoney");
  const zone = takings.location.timeZone;
  const row = (part: string) => (l: TakingsLine) => [
    part,
    t("takings.kindValue", { kind: l.kind }),
    formatInstantWithOffset(l.at.getTime(), zone),
    l.id,
    l.paymentId,
    l.patient?.name ?? "",
    l.visit ? formatInstantWithOffset(l.visit.startsAt.getTime(), l.visit.timeZone) : "",
    l.visit?.serviceName ?? "",
    t("purpose", { purpose: l.purpose }),
    l.currency,
    decimal(l.amountCents),
  ];
  const header = ["part", "kind", "time", "stripeId", "payment", "patient", "visit", "service", "purpose", "currency", "amount"] as const;
  return (
    UTF8_BOM +
    csvLines([
      header.map((h) => t(`csv.${h}`)),
      ...takings.lines.map(row(t("csv.location"))),
      ...takings.untied.map(row(t("csv.untied"))),
    ])
  );
}
