import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "../env";

let cached: { url: string; transport: Transporter } | undefined;

/**
 * The SMTP connection pool every email goes through, from SMTP_URL. A
 * loopback server (the built-in catcher, a test's) is spoken to in plain
 * text; anywhere else nodemailer upgrades with STARTTLS when offered.
 */
export function mailTransport(): Transporter {
  const url = process.env.SMTP_URL ?? getEnv().SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set: start Stride with `npm start`, which provides a mail catcher, or set it.");
  if (cached?.url === url) return cached.transport;
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(new URL(url).hostname);
  const transport = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 4,
    ignoreTLS: loopback,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  cached?.transport.close();
  cached = { url, transport };
  return transport;
}

export function closeMailTransport() {
  cached?.transport.close();
  cached = undefined;
}

/** The sender of every email. */
export function mailFrom(practiceName: string): string {
  const configured = getEnv().MAIL_FROM;
  if (configured) return configured;
  const host = new URL(process.env.PUBLIC_BASE_URL ?? "http://localhost").hostname;
  const domain = host.includes(".") ? host : "stride.localhost";
  return `"${practiceName.replace(/["\\\r\n]/g, "")}" <no-reply@${domain}>`;
}
