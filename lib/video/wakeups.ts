import "server-only";
import { Client } from "pg";

// Long polls wake as soon as a room changes, on whichever instance made the
// change: every change ends in NOTIFY (sent when its transaction commits),
// and each instance keeps one LISTEN connection. Only the wake-up travels
// this way; the room's state is always read from the database, and a poll
// re-reads it every second anyway, so a lost notification costs a second.

export const VIDEO_CHANNEL = "stride_video";

type Listener = () => void;

interface Wakeups {
  client: Client | null;
  connecting: Promise<Client | null> | null;
  listeners: Map<string, Set<Listener>>;
}

const globalForWakeups = globalThis as unknown as { strideVideoWakeups?: Wakeups };

function state(): Wakeups {
  globalForWakeups.strideVideoWakeups ??= { client: null, connecting: null, listeners: new Map() };
  return globalForWakeups.strideVideoWakeups;
}

async function connect(w: Wakeups): Promise<Client | null> {
  const url = process.env.DATABASE_URL;
  if (!url) return null;
  const client = new Client({ connectionString: url });
  const drop = () => {
    if (w.client === client) w.client = null;
    client.end().catch(() => {});
  };
  client.on("error", drop);
  client.on("end", drop);
  client.on("notification", (message) => {
    if (message.channel !== VIDEO_CHANNEL || !message.payload) return;
    for (const listener of w.listeners.get(message.payload) ?? []) listener();
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${VIDEO_CHANNEL}`);
    w.client = client;
    return client;
  } catch {
    drop();
    return null;
  }
}

async function ensureListening(w: Wakeups): Promise<void> {
  if (w.client) return;
  w.connecting ??= connect(w).finally(() => {
    w.connecting = null;
  });
  await w.connecting;
}

/** A poll's subscription to one room's changes, taken before it reads the room. */
export interface RoomWatch {
  /** Resolves at once if the room changed since the last wait, else on the next change, after `ms`, or on abort. */
  wait(ms: number, abort?: AbortSignal): Promise<void>;
  close(): void;
}

/**
 * Starts listening for a room's changes. Subscribing before reading the room
 * means a change that lands between the read and the wait is not lost.
 */
export async function watchRoom(appointmentId: string): Promise<RoomWatch> {
  const w = state();
  await ensureListening(w);
  let changed = false;
  let wake: (() => void) | null = null;
  const listener = () => {
    changed = true;
    wake?.();
  };
  let set = w.listeners.get(appointmentId);
  if (!set) w.listeners.set(appointmentId, (set = new Set()));
  set.add(listener);
  return {
    async wait(ms, abort) {
      if (!changed && !abort?.aborted) {
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            abort?.removeEventListener("abort", done);
            wake = null;
            resolve();
          };
          const timer = setTimeout(done, ms);
          abort?.addEventListener("abort", done);
          wake = done;
        });
      }
      changed = false;
    },
    close() {
      set.delete(listener);
      if (set.size === 0) w.listeners.delete(appointmentId);
    },
  };
}
