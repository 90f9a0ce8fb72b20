// No "server-only" here: `npm start` runs the fake Stripe from scripts/serve.ts, outside Next.

/** What the hosted checkout page shows of a session. */
export interface CheckoutPageSession {
  id: string;
  mode: "payment" | "setup";
  status: "open" | "complete" | "expired";
  amountTotal: number | null;
  currency: string | null;
  lineItems: { name: string; quantity: number; amount: number }[];
  customerEmail: string | null;
  successUrl: string;
  cancelUrl: string | null;
}

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** An amount in the currency's smallest unit, written as people read it (zero-decimal currencies included). */
export function formatMoney(amount: number, currency: string): string {
  const format = new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() });
  return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

// Plain, self-contained and script-free: the page must work with nothing but
// this server, and be usable by keyboard and screen reader like Stripe's own.
const STYLE = `
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f8fa;color:#1a1f36}
main{max-width:28rem;margin:2rem auto;padding:1.5rem;background:#fff;border:1px solid #d0d7de;border-radius:8px}
h1{font-size:1.3rem;margin:0 0 .25rem}
.notice{font-size:.85rem;background:#fff8c5;border:1px solid #d4a72c;padding:.4rem .6rem;border-radius:4px}
table{width:100%;border-collapse:collapse;margin:1rem 0}td,th{padding:.25rem 0;text-align:left}td:last-child,th:last-child{text-align:right}
label{display:block;font-weight:600;margin-top:.75rem}
input{box-sizing:border-box;width:100%;font:inherit;padding:.5rem;border:1px solid #57606a;border-radius:4px}
.row{display:flex;gap:.75rem}.row>div{flex:1}
button{margin-top:1.25rem;width:100%;font:inherit;font-weight:600;padding:.65rem;border:0;border-radius:4px;background:#0a5fd1;color:#fff;cursor:pointer}
.error{color:#a40e26;background:#ffebe9;border:1px solid #cf222e;padding:.5rem;border-radius:4px}
a{color:#0a5fd1}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>
<p class="notice">Test mode: a local stand-in for Stripe Checkout. No real card is charged.</p>
${body}
</main></body>
</html>`;
}

export function checkoutPage(session: CheckoutPageSession, options: { error?: string; cardNumber?: string } = {}): string {
  const pay = session.mode === "payment";
  if (session.status === "complete") {
    return layout("Payment complete", `<h1>${pay ? "Payment complete" : "Card saved"}</h1><p><a href="${escapeHtml(session.successUrl)}">Return to the practice</a></p>`);
  }
  if (session.status === "expired") {
    const back = session.cancelUrl ? `<p><a href="${escapeHtml(session.cancelUrl)}">Return to the practice</a></p>` : "";
    return layout("Checkout expired", `<h1>This checkout has expired</h1><p>Nothing was charged.</p>${back}`);
  }
  const total = pay && session.amountTotal !== null && session.currency ? formatMoney(session.amountTotal, session.currency) : null;
  const rows = session.lineItems
    .map((item) => `<tr><td>${escapeHtml(item.name)}${item.quantity > 1 ? ` × ${item.quantity}` : ""}</td><td>${session.currency ? escapeHtml(formatMoney(item.amount, session.currency)) : ""}</td></tr>`)
    .join("");
  const summary = pay
    ? `<table><caption class="visually-hidden">Order summary</caption><thead><tr><th scope="col">Item</th><th scope="col">Amount</th></tr></thead><tbody>${rows}</tbody><tfoot><tr><th scope="row">Total</th><td><strong>${escapeHtml(total ?? "")}</strong></td></tr></tfoot></table>`
    : `<p>Save a card for this practice. It is charged only as the practice's policy says.</p>`;
  const error = options.error ? `<p class="error" role="alert" id="card-error">${escapeHtml(options.error)}</p>` : "";
  const described = options.error ? ` aria-describedby="card-error" aria-invalid="true"` : "";
  const cancel = session.cancelUrl ? `<p><a href="${escapeHtml(session.cancelUrl)}">Cancel and return to the practice</a></p>` : "";
  return layout(
    pay ? `Pay ${total ?? ""}` : "Save a card",
    `<h1>${pay ? `Pay ${escapeHtml(total ?? "")}` : "Save a card"}</h1>
${session.customerEmail ? `<p>For ${escapeHtml(session.customerEmail)}</p>` : ""}
${summary}
${error}
<form method="post" action="/checkout/${escapeHtml(session.id)}">
<label for="card-number">Card number</label>
<input id="card-number" name="card_number" inputmode="numeric" autocomplete="cc-number" value="${escapeHtml(options.cardNumber ?? "4242 4242 4242 4242")}" required${described}>
<div class="row">
<div><label for="card-expiry">Expiry (MM / YY)</label><input id="card-expiry" name="card_expiry" autocomplete="cc-exp" value="12 / 34" required></div>
<div><label for="card-cvc">CVC</label><input id="card-cvc" name="card_cvc" inputmode="numeric" autocomplete="cc-csc" value="123" required></div>
</div>
<button type="submit">${pay ? `Pay ${escapeHtml(total ?? "")}` : "Save card"}</button>
</form>
${cancel}`,
  );
}

export function notFoundPage(): string {
  return layout("Checkout not found", "<h1>This checkout does not exist</h1><p>Check the link, or start again from the practice's page.</p>");
}
