import { randomInt } from "node:crypto";

// No 0/o, 1/i/l: the password is read off a screen and typed by someone else.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const GROUPS = 4;
const GROUP_LENGTH = 4;

/** A one-time password like "k7qm-2xza-pd4n-wr8e": 19 characters, about 79 bits of chance. */
export function createTemporaryPassword(): string {
  const groups = Array.from({ length: GROUPS }, () => Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""));
  return groups.join("-");
}
