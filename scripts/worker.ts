// `npm run worker`: the message worker in a process of its own. `npm start`
// runs one beside the app by default (STRIDE_WORKER=0 turns that off); run
// more anywhere that reaches the same database: they share the queue safely.
// Runs with the react-server condition, as the app's server code does.
import { disconnectPrisma, getPrisma } from "../lib/db/client";
import { getEnv } from "../lib/env";
import { startWorker } from "../lib/jobs/queue";
import { startMailCatcher, type MailCatcher } from "../lib/mail/catcher";
import { closeMailTransport } from "../lib/mail/transport";
import { getLogger } from "../lib/log/logger";
import { reportServerError, flushServerErrors } from "../lib/log/server-errors";
import { PAYMENT_CRONTAB, paymentTasks } from "../lib/booking/payment-tasks";
import { messageTasks } from "../lib/message-templates/tasks";
import { smsEnabled } from "../lib/sms/config";
import { REMINDER_CRONTAB } from "../lib/reminders/mutations";

const logger = getLogger().child({ process: "worker" });

async function main() {
  // A configuration mistake (half a Twilio set-up, say) stops the worker here, with its message, not at each send.
  getEnv();
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error("Set DATABASE_URL to the app's database. With the embedded database, `npm start` already runs a worker.");
  }
  if (!process.env.AUTH_SECRET) {
    throw new Error("Set AUTH_SECRET to the app's value: the links in patients' messages derive from it, the same on every worker.");
  }
  let catcher: MailCatcher | null = null;
  if (!process.env.SMTP_URL) {
    catcher = await startMailCatcher(getPrisma, { onError: (error) => logger.error({ err: error.message }, "mail catcher") });
    process.env.SMTP_URL = catcher.url;
    logger.info(`SMTP_URL is not set: mail goes to a mail catcher on ${catcher.url}; administrators read it at /staff/outbox`);
  }
  // The queue's complaints go through the same once-per-kind log as the
  // app's errors: a database that is away must not flood the log.
  const worker = await startWorker(url, { ...messageTasks, ...paymentTasks }, { crontab: `${REMINDER_CRONTAB}\n${PAYMENT_CRONTAB}`, log: (_level, message) => reportServerError(new Error(message), "message worker") });
  logger.info(smsEnabled() ? "message worker running; text messages go through Twilio" : "message worker running; text messages are off (no TWILIO_ settings)");

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await worker.stop().catch((error: unknown) => logger.error({ err: String(error) }, "stopping the worker"));
    closeMailTransport();
    await catcher?.close();
    await disconnectPrisma();
    flushServerErrors();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  // Started by `npm start`: stop when it goes, even if it was killed outright.
  if (process.send) process.on("disconnect", () => void stop());
}

main().catch((error: unknown) => {
  logger.fatal(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
