import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import { checkImageUpload, MAX_IMAGE_BYTES, sniffImageType } from "./image-file";

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
const JPEG = [0xff, 0xd8, 0xff, 0xe0, 0, 16];
const WEBP = [0x52, 0x49, 0x46, 0x46, 1, 0, 0, 0, 0x57, 0x45, 0x42, 0x50];

async function refusal(file: File): Promise<string | undefined> {
  const error = await checkImageUpload(file, "logo").catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).fields?.logo;
}

describe("sniffImageType", () => {
  it("reads PNG, JPEG and WebP from their first bytes", () => {
    expect(sniffImageType(new Uint8Array(PNG))).toBe("image/png");
    expect(sniffImageType(new Uint8Array(JPEG))).toBe("image/jpeg");
    expect(sniffImageType(new Uint8Array(WEBP))).toBe("image/webp");
  });

  it("takes no SVG, HTML or a RIFF file that is not WebP", () => {
    expect(sniffImageType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode("<html>"))).toBeNull();
    expect(sniffImageType(new Uint8Array([0x52, 0x49, 0x46, 0x46, 1, 0, 0, 0, 0x57, 0x41, 0x56, 0x45]))).toBeNull();
  });
});

describe("checkImageUpload", () => {
  it("treats an empty file input as no change", async () => {
    expect(await checkImageUpload(new File([], ""), "logo")).toBeNull();
    expect(await checkImageUpload(null, "logo")).toBeNull();
  });

  it("goes by the bytes, not the name or the type the browser claimed", async () => {
    const svgAsPng = new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], "logo.png", { type: "image/png" });
    expect(await refusal(svgAsPng)).toMatch(/not a PNG, JPEG or WebP/);
    const jpegNamedTxt = new File([new Uint8Array(JPEG)], "notes.txt", { type: "text/plain" });
    expect((await checkImageUpload(jpegNamedTxt, "logo"))?.contentType).toBe("image/jpeg");
  });

  it("refuses a picture over the limit, saying how large it was and may be", async () => {
    const big = new File([new Uint8Array(PNG), new Uint8Array(MAX_IMAGE_BYTES)], "big.png", { type: "image/png" });
    expect(await refusal(big)).toMatch(/513 KB; the most it may be is 512 KB/);
  });
});
