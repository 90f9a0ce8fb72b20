import { z } from "zod";
import { defaultPhoneRegion, toE164 } from "./e164";

export const PHONE_MESSAGE = "Enter a phone number we can text or call, e.g. (201) 555-0123 or +1 201 555 0123.";

/**
 * A patient's phone number, stored in E.164 so that texts can be addressed
 * to it and a reply matched to it. Where the region is unknown (the browser),
 * a number without a + is only checked for its length; the server decides.
 */
export const phoneSchema = z
  .string({ error: PHONE_MESSAGE })
  .trim()
  .max(40, PHONE_MESSAGE)
  .transform((raw, ctx) => {
    const region = defaultPhoneRegion();
    const e164 = toE164(raw, region);
    if (e164) return e164;
    const digits = raw.replace(/\D/g, "").length;
    if (region === undefined && !raw.startsWith("+") && /^[0-9 ().-]+$/.test(raw) && digits >= 7 && digits <= 15) return raw;
    ctx.addIssue({ code: "custom", message: PHONE_MESSAGE });
    return z.NEVER;
  });
