import { z } from "zod";
import { getPrisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { withErrors } from "@/lib/http/route";

type Context = { params: Promise<{ id: string }> };

const NOT_FOUND = () => new AppError("NOT_FOUND", "There is no picture at this address.");

/**
 * Serves an uploaded logo or therapist photo. Pictures are public (they are
 * shown on the booking pages) and never change under one id, so they are
 * cached for a year. The type is the one read from the file's bytes, and the
 * browser is told not to guess another or run anything in it.
 */
export const GET = withErrors(async (_request: Request, { params }: Context) => {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) throw NOT_FOUND();
  const image = await getPrisma().storedImage.findUnique({ where: { id: id.data }, select: { contentType: true, bytes: true, sha256: true } });
  if (!image) throw NOT_FOUND();
  return new Response(Buffer.from(image.bytes), {
    headers: {
      "Content-Type": image.contentType,
      "Cache-Control": "public, max-age=31536000, immutable",
      ETag: `"${image.sha256}"`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Content-Disposition": "inline",
    },
  });
});
