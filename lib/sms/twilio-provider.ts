import "server-only";
import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";
import { SmsSendError, type SmsProvider } from "./provider";

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  /** The sending number in E.164, or a Messaging Service that picks one. */
  from?: string;
  messagingServiceSid?: string;
  /** Another address for the API (a test server on this machine); unset, Twilio's own. */
  apiUrl?: string;
}

/**
 * The SDK's own HTTP client, pointed at another host: the SDK builds every
 * request's full URL (api.twilio.com, or an edge's), and a custom httpClient
 * is its supported way to send them elsewhere.
 */
class RedirectedRequestClient extends twilio.RequestClient {
  constructor(private readonly base: URL) {
    super({ timeout: 10_000 });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const target = new URL(opts.uri);
    target.protocol = this.base.protocol;
    target.host = this.base.host;
    return super.request<TData>({ ...opts, uri: target.href });
  }
}

/** An HTTP status that another attempt may not get: throttling and the provider's own trouble. */
const isPassingStatus = (status: number) => status === 408 || status === 429 || status >= 500;

function classify(error: unknown): SmsSendError {
  if (error instanceof twilio.RestException) {
    const code = error.code ? ` (Twilio error ${error.code})` : "";
    return new SmsSendError(`${error.message}${code}`.slice(0, 500), !isPassingStatus(error.status));
  }
  // No answer at all: a refused connection, a timeout, a reset.
  const text = error instanceof Error ? error.message : String(error);
  return new SmsSendError(text.slice(0, 500), false);
}

export function createTwilioProvider(settings: TwilioSettings): SmsProvider {
  const client = twilio(settings.accountSid, settings.authToken, {
    ...(settings.apiUrl ? { httpClient: new RedirectedRequestClient(new URL(settings.apiUrl)) } : { timeout: 10_000 }),
  });
  const sender = settings.messagingServiceSid ? { messagingServiceSid: settings.messagingServiceSid } : { from: settings.from };
  return {
    async send(to, body) {
      try {
        const message = await client.messages.create({ to, body, ...sender });
        return { providerMessageId: message.sid };
      } catch (error) {
        throw classify(error);
      }
    },
  };
}
