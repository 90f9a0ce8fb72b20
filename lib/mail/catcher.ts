// No "server-only" here: `npm start` runs the catcher from scripts/serve.ts, outside Next.
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { PrismaClient } from "../db/generated/client";

/** The most one caught message may weigh: messages with a calendar file are a few KB. */
export const CAUGHT_MAIL_LIMIT_BYTES = 5 * 1024 * 1024;

export interface MailCatcher {
  /** Where to send: smtp://127.0.0.1:<port>. */
  url: string;
  close: () => Promise<void>;
}

function addresses(value: AddressObject | AddressObject[] | undefined): string {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.map((a) => a.text).join(", ");
}

/**
 * A real SMTP server on loopback that keeps every message it receives in the
 * database. It stands in for the practice's mail server until SMTP_URL is
 * set, so a newcomer can read what the demo sends. It listens on 127.0.0.1
 * only and relays nothing.
 */
export async function startMailCatcher(prisma: () => PrismaClient, options: { port?: number; onError?: (error: Error) => void } = {}): Promise<MailCatcher> {
  const server = new SMTPServer({
    banner: "Stride mail catcher",
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    disableReverseLookup: true,
    size: CAUGHT_MAIL_LIMIT_BYTES,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          callback(Object.assign(new Error(`Message larger than ${CAUGHT_MAIL_LIMIT_BYTES} bytes`), { responseCode: 552 }));
          return;
        }
        const raw = Buffer.concat(chunks);
        void simpleParser(raw)
          .then((mail) =>
            prisma().caughtMail.create({
              data: {
                mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : addresses(mail.from),
                rcptTo: session.envelope.rcptTo.map((r) => r.address),
                subject: mail.subject ?? "",
                text: mail.text ?? "",
                html: typeof mail.html === "string" ? mail.html : null,
                raw,
              },
            }),
          )
          .then(
            () => callback(),
            (error: unknown) => {
              options.onError?.(error instanceof Error ? error : new Error(String(error)));
              callback(Object.assign(new Error("Could not store the message"), { responseCode: 451 }));
            },
          );
      });
    },
  });
  server.on("error", (error) => options.onError?.(error));
  const port = await new Promise<number>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      const address = server.server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
