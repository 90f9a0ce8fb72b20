// A real SMTP server for a test file: the app's own mail catcher on a
// loopback port, nodemailer speaking to it, mailparser reading what came.
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { afterAll, beforeAll } from "vitest";
import { getPrisma } from "../lib/db/client";
import { startMailCatcher, type MailCatcher } from "../lib/mail/catcher";

/** Starts the catcher before the file's tests and stops it after; the transport is ready inside tests. */
export function startMailCatcherForFile(): { transport: () => nodemailer.Transporter } {
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
  return { transport: () => transport };
}

/** Every mail caught for one recipient, oldest first, parsed. */
export async function mailTo(recipient: string) {
  const rows = await getPrisma().caughtMail.findMany({ where: { rcptTo: { has: recipient } }, orderBy: { receivedAt: "asc" } });
  return Promise.all(rows.map((row) => simpleParser(Buffer.from(row.raw))));
}
