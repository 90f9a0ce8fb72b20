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
