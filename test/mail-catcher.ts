import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { afterAll, beforeAll } from "vitest";
import { getPrisma } from "../lib/db/client";
import { startMailCatcher, type MailCatcher } from "../lib/mail/catcher";

/**
 * A real SMTP conversation for a test file: the mail catcher is an
 * smtp-server on loopback, started before the file's tests and closed after
 * them, and nodemailer speaks to it as it would to any mail server.
 */
export function withMailCatcher(): { transport: () => nodemailer.Transporter; url: () => string } {
  let catcher: MailCatcher;
  let transport: nodemailer.Transporter;
  beforeAll(async () => {
    catcher = await startMailCatcher(getPrisma);
    transport = nodemailer.createTransport({ url: catcher.url, ignoreTLS: true } as Parameters<typeof nodemailer.createTransport>[0]);
  });
  afterAll(async () => {
    transport.close();
    await catcher.close();
  });
  return { transport: () => transport, url: () => catcher.url };
}

/** Every mail the catcher received for one address, oldest first, as mailparser reads it. */
export async function caughtMailTo(recipient: string) {
  const rows = await getPrisma().caughtMail.findMany({ where: { rcptTo: { has: recipient } }, orderBy: { receivedAt: "asc" } });
  return Promise.all(rows.map((row) => simpleParser(Buffer.from(row.raw))));
}
