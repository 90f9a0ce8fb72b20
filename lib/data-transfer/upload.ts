import { AppError } from "../errors/app-error";
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
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > IMPORT_FILE_LIMIT_BYTES) throw tooLarge();
  if (!request.body) throw new AppError("BAD_REQUEST", "The file is empty: it needs a header row and at least one row of data.");
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      throw new AppError("BAD_REQUEST", "The upload was cut off before its end. Please send the file again.");
    });
    if (done) break;
    size += value.byteLength;
    if (size > IMPORT_FILE_LIMIT_BYTES) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
