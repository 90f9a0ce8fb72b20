import { describe, expect, it } from "vitest";
import { serializeError } from "./logger";

describe("the log's form of an error", () => {
  it("keeps the message, code and stack, and leaves out the database client pg's pool attaches", () => {
    const error = Object.assign(new Error("terminating connection due to administrator command"), {
      code: "57P01",
      client: { processID: 5944, secretKey: 69936059, connectionParameters: { user: "stride", database: "stride" } },
    });
    const logged = serializeError(error) as Record<string, unknown>;
    expect(logged).toMatchObject({ type: "Error", message: "terminating connection due to administrator command", code: "57P01" });
    expect(logged.stack).toContain("terminating connection");
    expect(logged).not.toHaveProperty("client");
    expect(JSON.stringify(logged)).not.toContain("69936059");
  });

  it("leaves what is not an Error as it is", () => {
    expect(serializeError("plain text")).toBe("plain text");
  });
});
