import { createServer } from "node:http";
import { Readable } from "node:stream";
import { guardRequest } from "@/lib/http/request-guard";

export type RouteHandler = (request: Request, context: { params: Promise<Record<string, never>> }) => Promise<Response>;

export interface RouteServer {
  /** The loopback origin the route is reached at, e.g. http://127.0.0.1:40123. */
  origin: string;
  close: () => Promise<void>;
}

/**
 * A route handler over real HTTP: a Node server on loopback with the request
 * guard every request passes in production (body limits, origin checks) in
 * front of it, so a webhook's test posts bytes the way its sender does.
 */
export async function serveRoute(handler: RouteHandler): Promise<RouteServer> {
  const server = createServer(async (req, res) => {
    if (guardRequest(req, res, { trustedHops: 0, publicBaseUrl: process.env.PUBLIC_BASE_URL, dev: false })) return;
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const request = new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method,
      headers,
      body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
      duplex: "half",
    } as RequestInit);
    const response = await handler(request, { params: Promise.resolve({}) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
