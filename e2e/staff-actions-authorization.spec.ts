import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { DEMO_PASSWORD } from "./fixtures/staff";

// Every staff server action, called over HTTP as each kind of visitor, the
// way a page's form would call it. The actions come from the build's own
// manifest, so an action added later is covered without being listed here.
// Each is sent the same empty form in every argument: enough for the action
// to run, so that the answer shows the role check and not a parse failure.

type Who = "anonymous" | "therapist" | "frontDesk" | "admin";
const ACCOUNTS = { therapist: "dana@demo.stride.test", frontDesk: "frontdesk@demo.stride.test", admin: "admin@demo.stride.test" } as const;

/** Who may run the actions of each staff page; every other signed-in role is refused. */
const ALLOWED: [RegExp, readonly Who[]][] = [
  [/^app\/\(staff\)\/staff\/\(signed-in\)\/settings\//, ["admin"]],
  [/^app\/\(staff\)\/staff\/\(signed-in\)\/outbox\//, ["admin"]],
  [/^app\/\(staff\)\/staff\/\(signed-in\)\/admin\//, ["admin"]],
  [/^app\/\(staff\)\/staff\/\(signed-in\)\/schedules\//, ["admin", "frontDesk"]],
  [/^app\/\(staff\)\/staff\/\(signed-in\)\/visit-messages\/resend-actions\.ts$/, ["admin", "frontDesk"]],
  // A therapist reads the messages of their own visits (the domain answers 404 for anyone else's).
  [/^app\/\(staff\)\/staff\/\(signed-in\)\/visit-messages\/log-actions\.ts$/, ["admin", "frontDesk", "therapist"]],
];

interface ManifestAction {
  workers: Record<string, unknown>;
  filename: string;
  exportedName: string;
}

function staffActions() {
  const dist = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(readFileSync(path.join(dist, "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, ManifestAction> };
  return Object.entries(manifest.node).flatMap(([id, action]) => {
    const allowed = ALLOWED.find(([pattern]) => pattern.test(action.filename))?.[1];
    if (!allowed) return [];
    // A page the action is registered with, as a URL: route groups dropped, any id filled in.
    const page = Object.keys(action.workers)[0]!;
    const url = page
      .replace(/^app/, "")
      .replace(/\/\([^)]+\)/g, "")
      .replace(/\[[^\]]+\]/g, "00000000-0000-4000-8000-000000000000")
      .replace(/\/page$/, "");
    return [{ id, name: `${action.filename} ${action.exportedName}`, url, allowed }];
  });
}

async function contextFor(browser: Browser, who: Who, baseURL: string) {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  if (who !== "anonymous") {
    const page = await context.newPage();
    await page.goto("/staff/sign-in");
    await page.getByLabel("Email").fill(ACCOUNTS[who]);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/staff$/);
    await page.close();
  }
  return context;
}

/** React's encoding of four arguments that are all the same empty form. */
function emptyFormArguments(): FormData {
  const body = new FormData();
  body.append("0", JSON.stringify(["$K1", "$K1", "$K1", "$K1"]));
  return body;
}

async function call(request: APIRequestContext, action: { id: string; url: string }) {
  const response = await request.post(action.url, {
    headers: { "next-action": action.id, accept: "text/x-component" },
    multipart: emptyFormArguments(),
    maxRedirects: 0,
  });
  return { status: response.status(), text: await response.text() };
}

test("every staff server action refuses the roles that may not use it, without a server error", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const actions = staffActions();
  // The settings, the outbox, staff accounts and schedules all have actions.
  expect(actions.length).toBeGreaterThanOrEqual(20);
  const contexts = Object.fromEntries(
    await Promise.all((["anonymous", "therapist", "frontDesk", "admin"] as Who[]).map(async (who) => [who, await contextFor(browser, who, baseURL!)] as const)),
  ) as Record<Who, Awaited<ReturnType<typeof contextFor>>>;

  for (const action of actions) {
    for (const who of ["anonymous", "therapist", "frontDesk", "admin"] as Who[]) {
      const { status, text } = await call(contexts[who].request, action);
      const where = `${who} calling ${action.name}: ${status} ${text.slice(0, 300)}`;
      expect(status, where).toBeLessThan(500);
      if (who === "anonymous") expect(text, where).toContain('"code":"UNAUTHORIZED"');
      else if (action.allowed.includes(who)) {
        // Let through to the form's own checks, which find the empty form wanting.
        expect(text, where).not.toContain('"code":"FORBIDDEN"');
        expect(text, where).not.toContain('"code":"UNAUTHORIZED"');
      } else expect(text, where).toContain('"code":"FORBIDDEN"');
    }
  }
  await Promise.all(Object.values(contexts).map((c) => c.close()));
});
