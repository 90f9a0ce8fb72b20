import { AppError } from "../errors/app-error";

/** The most an uploaded picture may weigh: a logo or a portrait needs far less. */
export const MAX_IMAGE_BYTES = 512 * 1024;

export type ImageType = "image/png" | "image/jpeg" | "image/webp";

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);

/**
 * The picture's type read from its first bytes. SVG is not taken: it is a
 * document that can carry scripts, and a browser would run them when the
 * picture is opened on its own.
 */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return null;
}

export interface CheckedImage {
  contentType: ImageType;
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * An uploaded file checked as a picture, or an AppError naming `field`.
 * An empty file input (no file chosen) reads as null: nothing to change.
 */
export async function checkImageUpload(file: FormDataEntryValue | null, field: string): Promise<CheckedImage | null> {
  if (file === null || typeof file === "string" || file.size === 0) return null;
  const refuse = (message: string) => new AppError("VALIDATION_FAILED", "Please correct the highlighted fields.", { fields: { [field]: message } });
  if (file.size > MAX_IMAGE_BYTES) {
    throw refuse(`The picture is ${Math.ceil(file.size / 1024)} KB; the most it may be is ${MAX_IMAGE_BYTES / 1024} KB. Save it smaller and upload it again.`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const contentType = sniffImageType(bytes);
  if (!contentType) throw refuse("The file is not a PNG, JPEG or WebP picture. Save it in one of those formats and upload it again.");
  return { contentType, bytes };
}
