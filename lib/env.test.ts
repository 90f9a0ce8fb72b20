import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("video configuration", () => {
  it("reads STUN and TURN servers as RTCPeerConnection takes them, and none by default", () => {
    expect(parseEnv({}).VIDEO_ICE_SERVERS).toEqual([]);
    const servers = [{ urls: "stun:stun.example.org:3478" }, { urls: ["turn:turn.example.org:3478"], username: "stride", credential: "secret" }];
    expect(parseEnv({ VIDEO_ICE_SERVERS: JSON.stringify(servers) }).VIDEO_ICE_SERVERS).toEqual(servers);
  });

  it("refuses servers that are not JSON or not ICE addresses, naming the setting", () => {
    expect(() => parseEnv({ VIDEO_ICE_SERVERS: "stun:stun.example.org" })).toThrow(/VIDEO_ICE_SERVERS: must be JSON/);
    expect(() => parseEnv({ VIDEO_ICE_SERVERS: '[{"urls":"https://example.org"}]' })).toThrow(/VIDEO_ICE_SERVERS/);
  });

  it("takes an https meeting template with a {room} placeholder, and nothing else", () => {
    expect(parseEnv({ VIDEO_MEETING_URL_TEMPLATE: "https://meet.example.org/clinic-{room}" }).VIDEO_MEETING_URL_TEMPLATE).toBe("https://meet.example.org/clinic-{room}");
    expect(() => parseEnv({ VIDEO_MEETING_URL_TEMPLATE: "https://meet.example.org/clinic" })).toThrow(/must contain \{room\}/);
    expect(() => parseEnv({ VIDEO_MEETING_URL_TEMPLATE: "http://meet.example.org/{room}" })).toThrow(/https/);
  });
});

describe("payment holds", () => {
  it("keeps a time 15 minutes by default, and takes 5 to 60", () => {
    expect(parseEnv({}).PAYMENT_HOLD_MINUTES).toBe(15);
    expect(parseEnv({ PAYMENT_HOLD_MINUTES: "30" }).PAYMENT_HOLD_MINUTES).toBe(30);
    expect(() => parseEnv({ PAYMENT_HOLD_MINUTES: "4" })).toThrow(/PAYMENT_HOLD_MINUTES/);
    expect(() => parseEnv({ PAYMENT_HOLD_MINUTES: "61" })).toThrow(/PAYMENT_HOLD_MINUTES/);
  });
});

describe("mail settings", () => {
  it("asks for MAIL_FROM when a real mail server is configured, and for nothing with the built-in catcher", () => {
    expect(() => parseEnv({ SMTP_URL: "smtp://mail.example.org:587" })).toThrow(/MAIL_FROM: set it with SMTP_URL/);
    expect(parseEnv({ SMTP_URL: "smtp://mail.example.org:587", MAIL_FROM: "Clinic <a@clinic.example>" }).MAIL_FROM).toBe("Clinic <a@clinic.example>");
    expect(parseEnv({}).SMTP_URL).toBeUndefined();
    // The built-in catcher that `npm start` runs on loopback needs no sender.
    expect(parseEnv({ SMTP_URL: "smtp://127.0.0.1:40125" }).MAIL_FROM).toBeUndefined();
    expect(() => parseEnv({ SMTP_URL: "http://mail.example.org" })).toThrow(/SMTP_URL: must be an smtp/);
    expect(() => parseEnv({ SMTP_URL: "not a url" })).toThrow(/^Invalid configuration: SMTP_URL/);
  });
});

describe("text message settings", () => {
  const sid = `AC${"a1".repeat(16)}`;
  const token = "0123456789abcdef0123456789abcdef";

  it("leaves text messages off when nothing is set, and reads numbers in the US unless told otherwise", () => {
    const env = parseEnv({});
    expect(env.TWILIO_ACCOUNT_SID).toBeUndefined();
    expect(env.DEFAULT_PHONE_REGION).toBe("US");
    expect(parseEnv({ DEFAULT_PHONE_REGION: "gb" }).DEFAULT_PHONE_REGION).toBe("GB");
    expect(() => parseEnv({ DEFAULT_PHONE_REGION: "XX" })).toThrow(/DEFAULT_PHONE_REGION: must be a two-letter country code/);
  });

  it("takes an account, its token and one sender", () => {
    expect(parseEnv({ TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: token, TWILIO_FROM: "+12015550123" }).TWILIO_FROM).toBe("+12015550123");
    expect(parseEnv({ TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: token, TWILIO_MESSAGING_SERVICE_SID: `MG${"0".repeat(32)}` }).TWILIO_FROM).toBeUndefined();
  });

  it("names what a half-done set-up lacks", () => {
    expect(() => parseEnv({ TWILIO_ACCOUNT_SID: sid })).toThrow(/TWILIO_AUTH_TOKEN: set it with the other TWILIO_ settings.*TWILIO_FROM: set the number texts come from/);
    expect(() => parseEnv({ TWILIO_FROM: "+12015550123" })).toThrow(/TWILIO_ACCOUNT_SID: set it/);
    expect(() => parseEnv({ TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: token, TWILIO_FROM: "+12015550123", TWILIO_MESSAGING_SERVICE_SID: `MG${"0".repeat(32)}` })).toThrow(/not both/);
    expect(() => parseEnv({ TWILIO_ACCOUNT_SID: "12345", TWILIO_AUTH_TOKEN: token, TWILIO_FROM: "+12015550123" })).toThrow(/TWILIO_ACCOUNT_SID: must be the Account SID/);
    expect(() => parseEnv({ TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: token, TWILIO_FROM: "(201) 555-0123" })).toThrow(/TWILIO_FROM: must be a phone number in E.164 form/);
  });
});

describe("online payment settings", () => {
  const key = "sk_test_51Abc0123456789";
  const secret = "whsec_0123456789abcdef";

  it("leaves online payment off when nothing is set, and takes test, live and restricted keys with their signing secret", () => {
    expect(parseEnv({}).STRIPE_SECRET_KEY).toBeUndefined();
    for (const k of [key, "sk_live_51Abc0123456789", "rk_live_51Abc0123456789", "rk_test_51Abc0123456789"]) {
      expect(parseEnv({ STRIPE_SECRET_KEY: k, STRIPE_WEBHOOK_SECRET: secret }).STRIPE_SECRET_KEY).toBe(k);
    }
    expect(parseEnv({ STRIPE_SECRET_KEY: key, STRIPE_WEBHOOK_SECRET: secret, STRIPE_API_BASE: "http://127.0.0.1:12111" }).STRIPE_API_BASE).toBe("http://127.0.0.1:12111");
  });

  it("refuses a publishable key, a key without its signing secret, and a base that is not http(s)", () => {
    expect(() => parseEnv({ STRIPE_SECRET_KEY: "pk_test_51Abc0123456789", STRIPE_WEBHOOK_SECRET: secret })).toThrow(/STRIPE_SECRET_KEY: must be a secret key from the Stripe dashboard/);
    expect(() => parseEnv({ STRIPE_SECRET_KEY: key, STRIPE_WEBHOOK_SECRET: "0123456789abcdef" })).toThrow(/STRIPE_WEBHOOK_SECRET: must be the endpoint's signing secret/);
    expect(() => parseEnv({ STRIPE_SECRET_KEY: key })).toThrow(/STRIPE_WEBHOOK_SECRET: set it with STRIPE_SECRET_KEY/);
    expect(() => parseEnv({ STRIPE_WEBHOOK_SECRET: secret })).toThrow(/STRIPE_SECRET_KEY: set it with STRIPE_WEBHOOK_SECRET/);
    expect(() => parseEnv({ STRIPE_SECRET_KEY: key, STRIPE_WEBHOOK_SECRET: secret, STRIPE_API_BASE: "ftp://127.0.0.1" })).toThrow(/STRIPE_API_BASE: must be an http/);
  });
});
