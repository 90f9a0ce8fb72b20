import { getEnv, publicBaseUrl } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { fieldMessages } from "@/lib/errors/field-messages";
import { requestContext } from "@/lib/http/request-context";
import { withErrors } from "@/lib/http/route";
import { recordSmsReply } from "@/lib/sms/mutations";
import { replyText } from "@/lib/sms/reply-text";
import { E164, inboundSmsSchema, readReplyIntent } from "@/lib/sms/schema";
import { readSignedTwilioForm, twimlResponse } from "@/lib/sms/webhook";

// Twilio's incoming-message webhook: a patient's reply to a text. Configure
// it in Twilio as POST {PUBLIC_BASE_URL}/api/sms/inbound (docs/text-messages.md).
export const POST = withErrors(async (request: Request) => {
  const authToken = getEnv().TWILIO_AUTH_TOKEN;
  if (!authToken) throw new AppError("NOT_FOUND", "Text messages are not configured on this server.");
  const { pathname, search } = new URL(request.url);
  const params = await readSignedTwilioForm(request, authToken, `${publicBaseUrl()}${pathname}${search}`);
  const parsed = inboundSmsSchema.safeParse(params);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", "The incoming message lacks fields Twilio always sends.", { fields: fieldMessages(parsed.error) });
  // A short code or a sender name cannot be a patient's phone.
  if (!E164.test(parsed.data.From)) return twimlResponse(null);
  const outcome = await recordSmsReply(parsed.data.From, readReplyIntent(parsed.data.Body), requestContext(request));
  return twimlResponse(replyText(outcome));
});
