import { AppError } from "../errors/app-error";

/**
 * A request body's bytes, refused before anything is read when its declared
 * length is over `limit`, and cut off as soon as a chunked body passes it: a
 * client must not make the server hold more than the limit in memory.
 * Answers null when the request has no body.
 */
export async function readBoundedBody(request: Request, limit: number, tooLarge: () => AppError): Promise<Uint8Array | null> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw tooLarge();
  if (!request.body) return null;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      throw new AppError("BAD_REQUEST", "The request body was cut off before its end. Please send it again.");
    });
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
