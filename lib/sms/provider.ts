/** Sends text messages. One real implementation: Twilio (twilio-provider.ts). */
export interface SmsProvider {
  /** Hands one text to the provider; answers the provider's id for it. */
  send(to: string, body: string): Promise<{ providerMessageId: string }>;
}

/**
 * A text the provider did not take. `permanent`: sending it again will not
 * help (an invalid or unsubscribed number, a refused account); otherwise the
 * failure may pass (the provider is busy or unreachable) and it is retried.
 */
export class SmsSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = "SmsSendError";
  }
}
