import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "../db/generated/client";
import type { CheckedImage } from "./image-file";

/** Keeps a checked picture and answers its id; callers point their row at it in the same transaction. */
export async function storeImage(tx: Prisma.TransactionClient, image: CheckedImage): Promise<string> {
  const row = await tx.storedImage.create({
    data: {
      contentType: image.contentType,
      bytes: image.bytes,
      byteLength: image.bytes.byteLength,
      sha256: createHash("sha256").update(image.bytes).digest("hex"),
    },
    select: { id: true },
  });
  return row.id;
}

/** The public address a stored picture is served from. */
export function imageUrl(id: string): string {
  return `/api/images/${id}`;
}
