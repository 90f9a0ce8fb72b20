import { describe, expect, it } from "vitest";
import { GET as image } from "../../app/api/images/[id]/route";
import { getPrisma } from "../db/client";
import { storeImage } from "./mutations";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);

const get = (id: string) => image(new Request(`http://stride.test/api/images/${id}`), { params: Promise.resolve({ id }) });

describe("stored images", () => {
  it("serves a stored picture byte for byte, with its sniffed type, cached, and never as a page", async () => {
    const id = await getPrisma().$transaction((tx) => storeImage(tx, { contentType: "image/png", bytes: PNG }));
    const response = await get(id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    expect(response.headers.get("cache-control")).toContain("immutable");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
  });

  it("answers 404 for an unknown or malformed id", async () => {
    expect((await get("6f1c2d4e-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await get("../etc/passwd")).status).toBe(404);
  });

  it("the database refuses a type outside the list or a picture over 512 KB", async () => {
    const prisma = getPrisma();
    await expect(prisma.storedImage.create({ data: { contentType: "image/svg+xml", bytes: PNG, byteLength: PNG.byteLength, sha256: "x" } })).rejects.toThrow();
    const big = new Uint8Array(512 * 1024 + 1);
    await expect(prisma.storedImage.create({ data: { contentType: "image/png", bytes: big, byteLength: big.byteLength, sha256: "x" } })).rejects.toThrow();
  });
});
