import "server-only";
import { getEnv } from "../env";
import type { SmsProvider } from "./provider";
import { createTwilioProvider } from "./twilio-provider";

/** Text messages are on when Twilio is configured; off, nothing is texted and reminders go by email. */
export function smsEnabled(): boolean {
  return getEnv().TWILIO_ACCOUNT_SID !== undefined;
}

let cached: SmsProvider | undefined;

/** The configured provider, or null when text messages are off. */
export function configuredSmsProvider(): SmsProvider | null {
  if (!smsEnabled()) return null;
  const env = getEnv();
  cached ??= createTwilioProvider({
    accountSid: env.TWILIO_ACCOUNT_SID!,
    authToken: env.TWILIO_AUTH_TOKEN!,
    from: env.TWILIO_FROM,
    messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID,
    apiUrl: env.TWILIO_API_URL,
  });
  return cached;
}
