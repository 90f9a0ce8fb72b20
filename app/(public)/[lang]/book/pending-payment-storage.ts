// The tab keeps what it needs to come back from Stripe's checkout: the held
// visit's manage link (to follow it until the payment books it, or to let the
// time go when the patient cancels) and when the hold runs out. Stripe never
// sees the link; a tab that paid on another device simply has none.

const STORAGE_KEY = "stride.pending-payment.v1";

export interface PendingPayment {
  manageToken: string;
  /** ISO 8601 with the location's offset. */
  holdExpiresAt: string;
}

function looksLikePending(value: unknown): value is PendingPayment {
  if (typeof value !== "object" || value === null) return false;
  const stored = value as Partial<PendingPayment>;
  return typeof stored.manageToken === "string" && /^[A-Za-z0-9_-]{43}$/.test(stored.manageToken) && typeof stored.holdExpiresAt === "string";
}

export function readPendingPayment(): PendingPayment | null {
  if (typeof window === "undefined") return null;
  try {
    const parsed: unknown = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) ?? "null");
    return looksLikePending(parsed) ? { manageToken: parsed.manageToken, holdExpiresAt: parsed.holdExpiresAt } : null;
  } catch {
    return null;
  }
}

export function storePendingPayment(pending: PendingPayment) {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(pending));
  } catch {
    // Storage may be full or disabled (private mode): the paid page then points to the confirmation email.
  }
}

export function clearPendingPayment() {
  try {
    window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
}
