import { authorizeStaff } from "@/lib/auth/require-staff";
import { importPatients, previewPatientImport } from "@/lib/data-transfer/mutations";
import { importStepSchema } from "@/lib/data-transfer/schema";
import { readCsvUpload } from "@/lib/data-transfer/upload";
import { requestContext } from "@/lib/http/request-context";
import { json, readQuery, withErrors } from "@/lib/http/route";

/**
 * A patient CSV file: `?step=preview` answers what importing it would do,
 * row by row; `?step=import` writes it in one transaction, or answers 422
 * with the rows to fix and writes nothing.
 */
export const POST = withErrors(async (request: Request) => {
  const staff = await authorizeStaff("ADMIN");
  const { step } = readQuery(request, importStepSchema);
  const bytes = await readCsvUpload(request);
  if (step === "preview") return json(await previewPatientImport(staff, bytes, requestContext(request)));
  const result = await importPatients(staff, bytes, requestContext(request));
  return json(result, { status: result.errors.length > 0 ? 422 : 200 });
});
