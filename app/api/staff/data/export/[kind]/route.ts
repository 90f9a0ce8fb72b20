import { z } from "zod";
import { authorizeStaff } from "@/lib/auth/require-staff";
import { exportCsv } from "@/lib/data-transfer/data";
import { AppError } from "@/lib/errors/app-error";
import { requestContext } from "@/lib/http/request-context";
import { withErrors } from "@/lib/http/route";

const kindSchema = z.enum(["patients", "appointments"]);

/** Every patient or appointment as a CSV download for spreadsheet programs. */
export const GET = withErrors(async (request: Request, { params }: { params: Promise<{ kind: string }> }) => {
  const staff = await authorizeStaff("ADMIN");
  const kind = kindSchema.safeParse((await params).kind);
  if (!kind.success) throw new AppError("NOT_FOUND", "Stride exports patients or appointments.");
  const ctx = requestContext(request);
  const stream = await exportCsv(staff, kind.data, ctx);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="stride-${kind.data}-${ctx.now.toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
