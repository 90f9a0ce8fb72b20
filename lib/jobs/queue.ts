import { Logger, parseCrontab, run, runMigrations, type LogLevel, type Runner, type TaskList } from "graphile-worker";
import pg from "pg";

/** What adding a job needs of a transaction: a Prisma transaction client fits. */
export interface SqlExecutor {
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<number>;
}

// The durable job queue is graphile-worker: its jobs are rows in PostgreSQL,
// so a job is added in the same transaction as the change that calls for it
// (a booking and its confirmation commit together or not at all), any number
// of workers on any number of machines share the queue through row locks, and
// LISTEN/NOTIFY wakes a worker within milliseconds instead of a poll.

export interface JobOptions {
  /** Not before this instant. */
  runAt?: Date;
  /** One queued job per key: adding again replaces the waiting job's payload and time. */
  jobKey?: string;
  /** Attempts before the job is given up (it then stays in the queue's table, failed). */
  maxAttempts?: number;
}

/** Adds a job inside the caller's transaction: it exists exactly when that transaction commits. */
export async function enqueueJob(tx: SqlExecutor, task: string, payload: Record<string, unknown>, options: JobOptions = {}): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${task}::text,
    ${JSON.stringify(payload)}::json,
    run_at => ${options.runAt ?? null}::timestamptz,
    max_attempts => ${options.maxAttempts ?? null}::int,
    job_key => ${options.jobKey ?? null}::text
  )`;
}

/** Creates or updates the queue's own tables (schema graphile_worker). */
export async function migrateJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: quietLogger(() => {}) });
}

type LogLine = (level: "error" | "warning" | "info", message: string) => void;

function quietLogger(write: LogLine): Logger {
  return new Logger(() => (level: LogLevel, message: string) => {
    if (level === "error" || level === "warning") write(level, message);
  });
}

export interface StartedWorker {
  stop: () => Promise<void>;
}

/**
 * Runs the given tasks from the queue until stopped. Several workers (in
 * `npm start` of several instances, or `npm run worker`) take jobs side by
 * side: each job is locked by the one running it.
 */
export async function startWorker(
  connectionString: string,
  taskList: TaskList,
  options: { concurrency?: number; log?: LogLine; crontab?: string } = {},
): Promise<StartedWorker> {
  const pool = new pg.Pool({ connectionString, max: (options.concurrency ?? 4) + 2, options: "-c TimeZone=UTC" });
  // An idle connection the database dropped must not take the process down; the pool replaces it.
  pool.on("error", (error) => options.log?.("error", `database connection lost: ${error.message}`));
  pool.on("connect", (client) => client.on("error", (error) => options.log?.("error", `database connection lost: ${error.message}`)));
  let runner: Runner;
  try {
    runner = await run({
      pgPool: pool,
      taskList,
      concurrency: options.concurrency ?? 4,
      // Periodic tasks: graphile-worker runs each tick once across all workers
      // (its known_crontabs table). Given here, so no crontab file is looked for.
      parsedCronItems: parseCrontab(options.crontab ?? ""),
      noHandleSignals: true,
      pollInterval: 2_000,
      logger: quietLogger(options.log ?? (() => {})),
    });
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    stop: async () => {
      await runner.stop();
      await pool.end();
    },
  };
}
