import { createHash } from "node:crypto";

// The join link's token derives from the manage token, one way: whoever holds
// the manage link can always show the join link again (confirmation, manage
// page), while the join link alone cannot be turned back into the power to
// reschedule or cancel. Only a hash of the join token is stored.

export function videoJoinTokenFor(manageToken: string): string {
  return createHash("sha256").update(`stride video room\n${manageToken}`).digest("base64url");
}

export function hashVideoJoinToken(joinToken: string): string {
  return createHash("sha256").update(joinToken).digest("hex");
}

/** The stored hash for a visit booked with this manage token. */
export function videoJoinTokenHashFor(manageToken: string): string {
  return hashVideoJoinToken(videoJoinTokenFor(manageToken));
}

export function looksLikeJoinToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** The configured external meeting link for one visit: {room} filled in. */
export function fillMeetingTemplate(template: string, joinTokenHash: string): string {
  return template.replaceAll("{room}", externalRoomName(joinTokenHash));
}

/**
 * A name for the visit on an external meeting service: stable for the visit,
 * unguessable, and not the join token itself.
 */
export function externalRoomName(joinTokenHash: string): string {
  return createHash("sha256").update(`external room\n${joinTokenHash}`).digest("hex").slice(0, 20);
}
