import "server-only";
import twilio from "twilio";
import { AppError } from "../errors/app-error";
import { readBoundedBody } from "../http/bounded-body";

/**
 * The most an incoming-message webhook may send: Twilio's fields with a
 * 1,600-character body and ten media addresses come to a few kilobytes.
 */
export const SMS_WEBHOOK_BODY_LIMIT_BYTES = 32 * 1024;

const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${SMS_WEBHOOK_BODY_LIMIT_BYTES / 1024} KB, more than an incoming text message sends.`);

/**
 * Twilio's form-encoded parameters, refused unless their signature
 * (X-Twilio-Signature: HMAC-SHA1 under the account's auth token of the URL
 * Twilio called and the sorted parameters) matches. The URL is the public one
 * (PUBLIC_BASE_URL), as Twilio was told it, not what a proxy passed on.
 */
export async function readSignedTwilioForm(request: Request, authToken: string, publicUrl: string): Promise<Record<string, string>> {
  const essence = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (essence !== "application/x-www-form-urlencoded") {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body form-encoded (Content-Type: application/x-www-form-urlencoded), as Twilio does.");
  }
  const bytes = await readBoundedBody(request, SMS_WEBHOOK_BODY_LIMIT_BYTES, tooLarge);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes ?? new Uint8Array());
  } catch {
    throw new AppError("BAD_REQUEST", "The request body must be UTF-8.");
  }
  const params = Object.fromEntries(new URLSearchParams(text));
  const signature = request.headers.get("x-twilio-signature") ?? "";
  if (!signature || !twilio.validateRequest(authToken, signature, publicUrl, params)) {
    throw new AppError("FORBIDDEN", "The X-Twilio-Signature header does not match this request: only Twilio, with this account's auth token, may post here.");
  }
  return params;
}

/** A TwiML answer: one text back, or none. */
export function twimlResponse(text: string | null): Response {
  const twiml = new twilio.twiml.MessagingResponse();
  if (text) twiml.message(text);
  return new Response(twiml.toString(), { status: 200, headers: { "Content-Type": "text/xml; charset=utf-8", "Cache-Control": "no-store" } });
}
