import { authorizeStaff } from "@/lib/auth/require-staff";
import { AppError } from "@/lib/errors/app-error";
import { fieldMessages } from "@/lib/errors/field-messages";
import { requestContext } from "@/lib/http/request-context";
import { withErrors } from "@/lib/http/route";
import { openTakings } from "@/lib/money/data";
import { takingsQuerySchema } from "@/lib/money/schema";
import { takingsCsv } from "@/lib/money/takings-csv";

/** One location's takings for one local day as a CSV download, audited as an export. */
export const GET = withErrors(async (request: Request) => {
  const staff = await authorizeStaff("ADMIN", "FRONT_DESK");
  const params = new URL(request.url).searchParams;
  const query = takingsQuerySchema.safeParse({ location: params.get("location") ?? undefined, date: params.get("date") ?? undefined });
  if (!query.success) {
    const fields = fieldMessages(query.error);
    throw new AppError("VALIDATION_FAILED", Object.values(fields)[0] ?? "Choose a location and a date.", { fields });
  }
  const takings = await openTakings(staff, query.data, requestContext(request), "export");
  return new Response(takingsCsv(takings), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="stride-takings-${takings.date}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
