import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { describe, expect, it } from "vitest";
import { withMailCatcher } from "../../test/mail-catcher";
import { getPrisma } from "../db/client";
import { startWorker } from "../jobs/queue";
import { queueMessage, SEND_MESSAGE_TASK } from "./mutations";
import { COMPOSERS } from "../message-templates/registry";
import { messageTasks } from "../message-templates/tasks";
import { sendMessage } from "./send";

// A real SMTP conversation: the mail catcher is an smtp-server on loopback,
// and nodemailer speaks to it as it would to any mail server.
const smtp = withMailCatcher();

let counter = 0;
async function queueTest(recipient = `test.${Date.now()}.${++counter}@example.com`, sendAfter = new Date()) {
  const id = await getPrisma().$transaction((tx) =>
    queueMessage(tx, { kind: "test", channel: "EMAIL", recipient, language: "en", dedupeKey: `test:${recipient}`, sendAfter }),
  );
  return { id: id!, recipient };
}

const caughtFor = (recipient: string) => getPrisma().caughtMail.findMany({ where: { rcptTo: { has: recipient } } });

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  return read();
}

describe("sending a queued message", () => {
  it("delivers it through SMTP once and records it as sent", async () => {
    const { id, recipient } = await queueTest();
    expect(await sendMessage(id, COMPOSERS, smtp.transport())).toBe("sent");
    const [mail, ...more] = await caughtFor(recipient);
    expect(more).toHaveLength(0);
    // The practice's name (other test files rename it) follows "from".
    expect(mail!.subject).toMatch(/^Test message from \S/);
    expect(mail!.text).toContain("can send email");
    expect(mail!.html).toContain(`<h1>${mail!.subject}</h1>`);
    const row = await getPrisma().message.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SENT", attempts: 1, subject: mail!.subject });
    expect(await sendMessage(id, COMPOSERS, smtp.transport())).toBe("not-queued");
    expect(await caughtFor(recipient)).toHaveLength(1);
  });

  it("queues one message per purpose, however often it is asked for", async () => {
    const { recipient } = await queueTest();
    const again = await getPrisma().$transaction((tx) =>
      queueMessage(tx, { kind: "test", channel: "EMAIL", recipient, language: "en", dedupeKey: `test:${recipient}`, sendAfter: new Date() }),
    );
    expect(again).toBeNull();
    expect(await getPrisma().message.count({ where: { recipient } })).toBe(1);
  });

  it("two workers sending the same message at once deliver it once", async () => {
    const { id, recipient } = await queueTest();
    const outcomes = await Promise.all([sendMessage(id, COMPOSERS, smtp.transport()), sendMessage(id, COMPOSERS, smtp.transport()), sendMessage(id, COMPOSERS, smtp.transport())]);
    expect(outcomes.filter((o) => o === "sent")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "not-queued")).toHaveLength(2);
    expect(await caughtFor(recipient)).toHaveLength(1);
  });

  it("a message whose transaction rolls back is neither in the outbox nor in the queue", async () => {
    const recipient = `rolled.back.${Date.now()}@example.com`;
    const countJobs = async () => Number((await getPrisma().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker.jobs`)[0]!.n);
    const jobsBefore = await countJobs();
    await expect(
      getPrisma().$transaction(async (tx) => {
        await queueMessage(tx, { kind: "test", channel: "EMAIL", recipient, language: "en", dedupeKey: `test:${recipient}`, sendAfter: new Date() });
        throw new Error("the booking failed");
      }),
    ).rejects.toThrow("the booking failed");
    expect(await getPrisma().message.count({ where: { recipient } })).toBe(0);
    expect(await countJobs()).toBe(jobsBefore);
  });

  it("a mail server that refuses for good marks the message failed; one that is away leaves it queued for a retry", async () => {
    const refusing = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
      },
    });
    await new Promise<void>((resolve) => refusing.listen(0, "127.0.0.1", resolve));
    const port = (refusing.server.address() as { port: number }).port;
    const toRefusing = nodemailer.createTransport({ url: `smtp://127.0.0.1:${port}`, ignoreTLS: true } as Parameters<typeof nodemailer.createTransport>[0]);
    const refused = await queueTest();
    expect(await sendMessage(refused.id, COMPOSERS, toRefusing)).toBe("failed");
    expect(await getPrisma().message.findUniqueOrThrow({ where: { id: refused.id } })).toMatchObject({ status: "FAILED", attempts: 1 });
    toRefusing.close();
    await new Promise<void>((resolve) => refusing.close(() => resolve()));

    // Nothing listens there any more: the connection is refused, which may pass.
    const toNobody = nodemailer.createTransport({ url: `smtp://127.0.0.1:${port}`, ignoreTLS: true, connectionTimeout: 2_000 } as Parameters<typeof nodemailer.createTransport>[0]);
    const away = await queueTest();
    expect(await sendMessage(away.id, COMPOSERS, toNobody)).toBe("retry");
    const row = await getPrisma().message.findUniqueOrThrow({ where: { id: away.id } });
    expect(row).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(await sendMessage(away.id, COMPOSERS, smtp.transport())).toBe("sent");
    expect(await caughtFor(away.recipient)).toHaveLength(1);
  });

  it("a crash after the mail server took the message and before the commit sends it again, with the same Message-ID", async () => {
    const { id, recipient } = await queueTest();
    // The process dies right after the server's 250: the transaction never commits.
    const crashing = {
      sendMail: async (mail: nodemailer.SendMailOptions) => {
        await smtp.transport().sendMail(mail);
        throw new Error("process killed");
      },
    } as unknown as nodemailer.Transporter;
    expect(await sendMessage(id, COMPOSERS, crashing)).toBe("retry");
    expect(await sendMessage(id, COMPOSERS, smtp.transport())).toBe("sent");
    const copies = await caughtFor(recipient);
    expect(copies).toHaveLength(2);
    const ids = copies.map((c) => /^Message-ID:\s*(<[^>]+>)/im.exec(Buffer.from(c.raw).toString("utf8"))?.[1]);
    expect(ids[0]).toBe(`<${id}@stride.message>`);
    expect(ids[1]).toBe(ids[0]);
  });
});

describe("the worker", () => {
  it("takes a queued message from the queue and delivers it, and a message due later waits", async () => {
    const previous = process.env.SMTP_URL;
    process.env.SMTP_URL = smtp.url();
    const worker = await startWorker(process.env.DATABASE_URL!, messageTasks, { concurrency: 2 });
    try {
      // Other test files share this queue and leave their messages in it,
      // some due on the past days their visits were on: due long before any
      // of them, this one comes first (the queue runs the oldest first).
      const now = await queueTest(undefined, new Date("2000-01-01T00:00:00Z"));
      const later = await queueTest(undefined, new Date(Date.now() + 60 * 60_000));
      const delivered = await eventually(() => caughtFor(now.recipient), (rows) => rows.length > 0);
      expect(delivered).toHaveLength(1);
      expect(await caughtFor(later.recipient)).toHaveLength(0);
      const waiting = await getPrisma().$queryRaw<{ run_at: Date }[]>`
        SELECT run_at FROM graphile_worker.jobs WHERE task_identifier = ${SEND_MESSAGE_TASK} AND key = ${`message:${later.id}`}`;
      expect(waiting[0]!.run_at.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    } finally {
      await worker.stop();
      if (previous === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = previous;
    }
  });
});
