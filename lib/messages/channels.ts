/**
 * Whether text messages can be sent: a text-message provider is configured.
 * Without one, text messages are off and reminders go by email only.
 */
export function textMessagesConfigured(): boolean {
  return Boolean(process.env.TWILIO_ACCOUNT_SID);
}
