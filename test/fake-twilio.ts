// A stand-in for Twilio's REST API that tests start on loopback: the real SDK
// sends its real requests here (form-encoded, basic auth), and the test reads
// what arrived or tells it to refuse the next texts as Twilio would.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

export interface ReceivedText {
  sid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
}

/** How Twilio answers a request it refuses: an HTTP status and its own error code. */
export interface TwilioRefusal {
  status: number;
  code: number;
  message: string;
}

export interface FakeTwilio {
  url: string;
  accountSid: string;
  authToken: string;
  received: ReceivedText[];
  /** The next texts sent are refused like this, one refusal per text, in order. */
  refuseNext(...refusals: TwilioRefusal[]): void;
  close(): Promise<void>;
}

const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Messages\.json$/;

const sid = (prefix: string) => prefix + randomBytes(16).toString("hex");

function answer(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startFakeTwilio(): Promise<FakeTwilio> {
  const accountSid = sid("AC");
  const authToken = randomBytes(16).toString("hex");
  const received: ReceivedText[] = [];
  const refusals: TwilioRefusal[] = [];

  const server: Server = createServer(async (req, res) => {
    const path = MESSAGES_PATH.exec((req.url ?? "").split("?")[0]!);
    if (req.method !== "POST" || !path) return answer(res, 404, { code: 20404, message: "The requested resource was not found", status: 404 });
    const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`;
    if (req.headers.authorization !== expected || path[1] !== accountSid) {
      return answer(res, 401, { code: 20003, message: "Authenticate", status: 401 });
    }
    if (!req.headers["content-type"]?.startsWith("application/x-www-form-urlencoded")) {
      return answer(res, 400, { code: 20001, message: "Expected a form-encoded body", status: 400 });
    }
    const form = new URLSearchParams(await readBody(req));
    const to = form.get("To");
    const body = form.get("Body");
    const from = form.get("From");
    const messagingServiceSid = form.get("MessagingServiceSid");
    if (!to || !body || (!from && !messagingServiceSid)) {
      return answer(res, 400, { code: 21604, message: "A 'To', a 'Body' and a 'From' or 'MessagingServiceSid' are required.", status: 400 });
    }
    const refusal = refusals.shift();
    if (refusal) return answer(res, refusal.status, { code: refusal.code, message: refusal.message, more_info: `https://www.twilio.com/docs/errors/${refusal.code}`, status: refusal.status });
    const text: ReceivedText = { sid: sid("SM"), to, from, messagingServiceSid, body };
    received.push(text);
    const now = new Date().toUTCString();
    answer(res, 201, {
      sid: text.sid,
      account_sid: accountSid,
      messaging_service_sid: messagingServiceSid,
      to,
      from,
      body,
      status: "queued",
      direction: "outbound-api",
      num_segments: "1",
      num_media: "0",
      api_version: "2010-04-01",
      date_created: now,
      date_updated: now,
      date_sent: null,
      price: null,
      price_unit: "USD",
      error_code: null,
      error_message: null,
      uri: `/2010-04-01/Accounts/${accountSid}/Messages/${text.sid}.json`,
      subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${text.sid}/Media.json` },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    received,
    refuseNext: (...more) => refusals.push(...more),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
