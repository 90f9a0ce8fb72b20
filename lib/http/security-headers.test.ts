import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, permissionsPolicy, strictTransportSecurity } from "./security-headers";

describe("contentSecurityPolicy", () => {
  it("allows scripts only by nonce and forbids framing, plugins and foreign bases", () => {
    const policy = contentSecurityPolicy("abc", { dev: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toMatch(/style-src [^;]*'unsafe-inline'/);
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "connect-src 'self'"]) {
      expect(policy).toContain(directive);
    }
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it("lets the development server evaluate code and inject styles", () => {
    const policy = contentSecurityPolicy("abc", { dev: true });
    expect(policy).toContain("'unsafe-eval'");
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
  });

  it("is new for every response", () => {
    expect(newNonce()).not.toBe(newNonce());
  });
});

describe("permissionsPolicy", () => {
  it("allows camera, microphone and screen sharing in the video rooms only", () => {
    for (const path of ["/en/visit/abc", "/visit/abc", "/staff/visit/1"]) expect(permissionsPolicy(path)).toContain("camera=(self), microphone=(self), display-capture=(self)");
    for (const path of ["/en", "/en/book", "/staff/calendar", "/staff/visits/1", "/en/manage/x"]) expect(permissionsPolicy(path)).toContain("camera=(), microphone=(), display-capture=()");
  });
});

describe("strictTransportSecurity", () => {
  it("is sent only when a trusted proxy saw https", () => {
    expect(strictTransportSecurity(1, "https")).toBe("max-age=63072000; includeSubDomains");
    expect(strictTransportSecurity(0, "https")).toBeNull();
    expect(strictTransportSecurity(1, "http")).toBeNull();
    expect(strictTransportSecurity(1, undefined)).toBeNull();
    // A client's own claim to the left of what the trusted proxy wrote counts for nothing.
    expect(strictTransportSecurity(1, "https, http")).toBeNull();
  });
});
