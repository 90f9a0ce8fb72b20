import { authorizeStaff } from "@/lib/auth/require-staff";
import { importAppointments, previewAppointmentImport } from "@/lib/data-transfer/mutations";
import { importStepSchema } from "@/lib/data-transfer/schema";
import { readCsvUpload } from "@/lib/data-transfer/upload";
import { requestContext } from "@/lib/http/request-context";
import { json, readQuery, withErrors } from "@/lib/http/route";

/**
 * An appointment CSV file from another system: `?step=preview` answers what
 * importing it would do, row by row; `?step=import` books it in one
 * transaction, or answers 422 with the rows to fix and writes nothing.
 */
export const POST = withErrors(async (request: Request) => {
  const staff = await authorizeStaff("ADMIN");
  const { step } = readQuery(request, importStepSchema);
  const bytes = await readCsvUpload(request);
  if (step === "preview") return json(await previewAppointmentImport(staff, bytes, requestContext(request)));
  const result = await importAppointments(staff, bytes, requestContext(request));
  return json(result, { status: result.errors.length > 0 ? 422 : 200 });
});
