import { authorizeStaff } from "@/lib/auth/require-staff";
import { AppError } from "@/lib/errors/app-error";
import { fieldMessages } from "@/lib/errors/field-messages";
import { requestContext } from "@/lib/http/request-context";
import { withErrors } from "@/lib/http/route";
import { openReports } from "@/lib/reports/data";
import { reportsCsv } from "@/lib/reports/reports-csv";
import { reportQuerySchema } from "@/lib/reports/schema";

/** The practice's reports for a range of local days as a CSV download (format=csv), audited as an export; administrators only. */
export const GET = withErrors(async (request: Request) => {
  const staff = await authorizeStaff("ADMIN");
  const params = new URL(request.url).searchParams;
  const format = params.get("format") ?? "csv";
  if (format !== "csv") throw new AppError("VALIDATION_FAILED", "The reports download as CSV only: use format=csv.", { fields: { format: "Use format=csv." } });
  const query = reportQuerySchema.safeParse({
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
    location: params.get("location") || undefined,
  });
  if (!query.success) {
    const fields = fieldMessages(query.error);
    throw new AppError("VALIDATION_FAILED", Object.values(fields)[0] ?? "Choose a start and an end date.", { fields });
  }
  const reports = await openReports(staff, query.data, requestContext(request), "export");
  return new Response(reportsCsv(reports), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="stride-reports-${reports.from}-to-${reports.to}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
