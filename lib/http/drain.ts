import type { IncomingMessage, Server, ServerResponse } from "node:http";

export interface Drain {
  /** Counts a request until its response closes; during a drain, asks the client to reconnect elsewhere next time. */
  track: (req: IncomingMessage, res: ServerResponse) => void;
  inFlight: () => number;
  /**
   * Stops accepting connections, lets the requests in flight finish (up to
   * `timeoutMs`), then closes what is left. Resolves with how many were cut off.
   */
  drain: (timeoutMs: number) => Promise<number>;
}

export function createDrain(server: Server): Drain {
  let inFlight = 0;
  let draining = false;
  let onIdle: (() => void) | null = null;

  return {
    track(_req, res) {
      inFlight += 1;
      if (draining) res.setHeader("Connection", "close");
      res.once("close", () => {
        inFlight -= 1;
        if (inFlight === 0) onIdle?.();
      });
    },
    inFlight: () => inFlight,
    async drain(timeoutMs) {
      draining = true;
      server.close();
      // Keep-alive connections with no request in flight would hold close() open.
      server.closeIdleConnections();
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, timeoutMs);
          onIdle = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      const cutOff = inFlight;
      server.closeAllConnections();
      return cutOff;
    },
  };
}
