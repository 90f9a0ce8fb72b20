/** "ana.lopez@example.com" → "a…@example.com": enough for the desk to recognise, not to copy. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf("@");
  if (at <= 0) return "…";
  return `${address[0]}…${address.slice(at)}`;
}
