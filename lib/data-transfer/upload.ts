import { AppError } from "../errors/app-error";
import { readBoundedBody } from "../http/bounded-body";
import { IMPORT_FILE_LIMIT_BYTES } from "./csv-file";

const tooLarge = () =>
  new AppError("PAYLOAD_TOO_LARGE", `The file is larger than ${IMPORT_FILE_LIMIT_BYTES / 1024 / 1024} MB. Split it into smaller files and import each.`);

/**
 * An uploaded CSV file's bytes: sent as the request body with Content-Type
 * text/csv, refused past the import limit before or while it is read, so the
 * server never holds more than the limit.
 */
export async function readCsvUpload(request: Request): Promise<Uint8Array> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "text/csv") throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the file as the request body with the header Content-Type: text/csv.");
  const bytes = await readBoundedBody(request, IMPORT_FILE_LIMIT_BYTES, tooLarge);
  if (!bytes) throw new AppError("BAD_REQUEST", "The file is empty: it needs a header row and at least one row of data.");
  return bytes;
}
