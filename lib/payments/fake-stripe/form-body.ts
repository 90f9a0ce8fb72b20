// No "server-only" here: `npm start` runs the fake Stripe from scripts/serve.ts, outside Next.

/** A value in Stripe's form encoding: text, or a map / list of them. */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };

/** Why a form key cannot be read: Stripe answers such a request with 400. */
export class FormKeyError extends Error {}

const KEY = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;

/**
 * Reads Stripe's form encoding, where nesting lives in the key
 * (`line_items[0][price_data][unit_amount]=4500`, `metadata[appointmentId]=…`,
 * `expand[]=payment_intent`), into nested maps and lists. Numeric or empty
 * brackets make a list.
 */
export function parseStripeForm(text: string): Record<string, FormValue> {
  const root: Record<string, FormValue> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const match = KEY.exec(key);
    if (!match) throw new FormKeyError(`Invalid parameter name: ${key}`);
    const path = [match[1]!, ...(match[2]!.match(/\[([^[\]]*)\]/g) ?? []).map((b) => b.slice(1, -1))];
    let node: Record<string, FormValue> | FormValue[] = root;
    for (let i = 0; i < path.length; i++) {
      const part = path[i]!;
      const last = i === path.length - 1;
      const nextIsList = !last && /^\d*$/.test(path[i + 1]!);
      if (Array.isArray(node)) {
        if (!/^\d*$/.test(part)) throw new FormKeyError(`Invalid parameter name: ${key} mixes a list with named keys`);
        const index = part === "" ? node.length : Number(part);
        if (index > 1000) throw new FormKeyError(`Invalid parameter name: ${key} has too large an index`);
        if (last) node[index] = value;
        else node = (node[index] ??= nextIsList ? [] : {}) as Record<string, FormValue> | FormValue[];
      } else {
        if (last) node[part] = value;
        else {
          const existing: FormValue | undefined = node[part];
          if (existing !== undefined && typeof existing === "string") throw new FormKeyError(`Invalid parameter name: ${key} repeats ${part} as a value and as a map`);
          node = (node[part] = existing ?? (nextIsList ? [] : {})) as Record<string, FormValue> | FormValue[];
        }
      }
      if (!last && typeof node === "string") throw new FormKeyError(`Invalid parameter name: ${key}`);
    }
  }
  return root;
}
