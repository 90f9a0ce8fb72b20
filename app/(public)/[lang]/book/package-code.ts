// The package code a patient's link brought (/book?package=…), kept in the
// tab's session storage: the booking's steps rewrite the address, and a
// reload on a later step must still know it. Never sent anywhere but Stride.

const KEY = "stride.packageCode";

export function rememberPackageCode(code: string | undefined): void {
  if (!code) return;
  try {
    window.sessionStorage.setItem(KEY, code);
  } catch {
    // Storage refused (private mode): the code lives as long as this page.
  }
}

export function readPackageCode(): string | null {
  try {
    return window.sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}
