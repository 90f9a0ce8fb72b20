import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("video configuration", () => {
  it("reads STUN and TURN servers as RTCPeerConnection takes them, and none by default", () => {
    expect(parseEnv({}).VIDEO_ICE_SERVERS).toEqual([]);
    const servers = [{ urls: "stun:stun.example.org:3478" }, { urls: ["turn:turn.example.org:3478"], username: "stride", credential: "secret" }];
    expect(parseEnv({ VIDEO_ICE_SERVERS: JSON.stringify(servers) }).VIDEO_ICE_SERVERS).toEqual(servers);
  });

  it("refuses servers that are not JSON or not ICE addresses, naming the setting", () => {
    expect(() => parseEnv({ VIDEO_ICE_SERVERS: "stun:stun.example.org" })).toThrow(/VIDEO_ICE_SERVERS: must be JSON/);
    expect(() => parseEnv({ VIDEO_ICE_SERVERS: '[{"urls":"https://example.org"}]' })).toThrow(/VIDEO_ICE_SERVERS/);
  });

  it("takes an https meeting template with a {room} placeholder, and nothing else", () => {
    expect(parseEnv({ VIDEO_MEETING_URL_TEMPLATE: "https://meet.example.org/clinic-{room}" }).VIDEO_MEETING_URL_TEMPLATE).toBe("https://meet.example.org/clinic-{room}");
    expect(() => parseEnv({ VIDEO_MEETING_URL_TEMPLATE: "https://meet.example.org/clinic" })).toThrow(/must contain \{room\}/);
    expect(() => parseEnv({ VIDEO_MEETING_URL_TEMPLATE: "http://meet.example.org/{room}" })).toThrow(/https/);
  });
});

describe("mail settings", () => {
  it("asks for MAIL_FROM when a real mail server is configured, and for nothing with the built-in catcher", () => {
    expect(() => parseEnv({ SMTP_URL: "smtp://mail.example.org:587" })).toThrow(/MAIL_FROM: set it with SMTP_URL/);
    expect(parseEnv({ SMTP_URL: "smtp://mail.example.org:587", MAIL_FROM: "Clinic <a@clinic.example>" }).MAIL_FROM).toBe("Clinic <a@clinic.example>");
    expect(parseEnv({}).SMTP_URL).toBeUndefined();
    // The built-in catcher that `npm start` runs on loopback needs no sender.
    expect(parseEnv({ SMTP_URL: "smtp://127.0.0.1:40125" }).MAIL_FROM).toBeUndefined();
    expect(() => parseEnv({ SMTP_URL: "http://mail.example.org" })).toThrow(/SMTP_URL: must be an smtp/);
    expect(() => parseEnv({ SMTP_URL: "not a url" })).toThrow(/^Invalid configuration: SMTP_URL/);
  });
});
