import { describe, expect, it } from "vitest";
import { createManageToken, hashManageToken } from "../booking/manage-token";
import { externalRoomName, fillMeetingTemplate, hashVideoJoinToken, looksLikeJoinToken, videoJoinTokenFor, videoJoinTokenHashFor } from "./join-token";

describe("video join tokens", () => {
  it("derive the same 256-bit token from one manage token and differ between visits", () => {
    const manage = createManageToken();
    const join = videoJoinTokenFor(manage);
    expect(looksLikeJoinToken(join)).toBe(true);
    expect(videoJoinTokenFor(manage)).toBe(join);
    expect(videoJoinTokenFor(createManageToken())).not.toBe(join);
  });

  it("are neither the manage token nor its stored hash, and are stored only as a hash", () => {
    const manage = createManageToken();
    const join = videoJoinTokenFor(manage);
    expect(join).not.toBe(manage);
    expect(hashVideoJoinToken(join)).not.toBe(hashManageToken(manage));
    expect(videoJoinTokenHashFor(manage)).toBe(hashVideoJoinToken(join));
    expect(videoJoinTokenHashFor(manage)).not.toContain(join);
  });

  it("name an external meeting without revealing the token", () => {
    const hash = videoJoinTokenHashFor(createManageToken());
    expect(externalRoomName(hash)).toMatch(/^[0-9a-f]{20}$/);
    expect(hash).not.toContain(externalRoomName(hash));
  });

  it("fill an external meeting template with the visit's room name, the same each time", () => {
    const hash = videoJoinTokenHashFor(createManageToken());
    const url = fillMeetingTemplate("https://meet.example.org/border-{room}", hash);
    expect(url).toBe(`https://meet.example.org/border-${externalRoomName(hash)}`);
    expect(fillMeetingTemplate("https://meet.example.org/border-{room}", hash)).toBe(url);
    expect(fillMeetingTemplate("https://meet.example.org/border-{room}", videoJoinTokenHashFor(createManageToken()))).not.toBe(url);
  });
});
