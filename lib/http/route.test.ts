import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../errors/app-error";
import { readJson, readQuery } from "./route";

const schema = z.object({ name: z.string() });

/** A body that never ends, counting what was read from it and whether it was cancelled. */
function endlessBody() {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulled += 1;
      controller.enqueue(new Uint8Array(16 * 1024).fill(0x20));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

function post(body: BodyInit | null, headers: Record<string, string>) {
  return new Request("http://clinic.test/api/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe("readJson", () => {
  it("reads a JSON body", async () => {
    expect(await readJson(post('{"name":"Ana"}', { "content-type": "application/json; charset=utf-8" }), schema)).toEqual({ name: "Ana" });
  });

  it("refuses a body over its declared limit without reading it", async () => {
    const { stream, state } = endlessBody();
    expect(await codeOf(readJson(post(stream, { "content-type": "application/json", "content-length": String(10 * 1024 * 1024) }), schema))).toBe("PAYLOAD_TOO_LARGE");
    expect(state.pulled).toBeLessThanOrEqual(1);
  });

  it("stops reading a chunked body as soon as it passes the limit", async () => {
    const { stream, state } = endlessBody();
    expect(await codeOf(readJson(post(stream, { "content-type": "application/json" }), schema))).toBe("PAYLOAD_TOO_LARGE");
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThan(10);
  });

  it("refuses bodies not sent as JSON, the kind another site's form can send", async () => {
    expect(await codeOf(readJson(post('{"name":"Ana"}', { "content-type": "text/plain" }), schema))).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(await codeOf(readJson(post('{"name":"Ana"}', { "content-type": "application/x-www-form-urlencoded" }), schema))).toBe("UNSUPPORTED_MEDIA_TYPE");
    const untyped = new Request("http://clinic.test/api/x", { method: "POST", body: new Blob(['{"name":"Ana"}']) });
    expect(await codeOf(readJson(untyped, schema))).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("refuses NUL in any string", async () => {
    expect(await codeOf(readJson(post('{"name":"A\\u0000na"}', { "content-type": "application/json" }), schema))).toBe("BAD_REQUEST");
  });
});

describe("readQuery", () => {
  it("refuses NUL in a parameter", () => {
    expect(() => readQuery(new Request("http://clinic.test/api/x?name=%00"), schema)).toThrow(AppError);
  });
});
