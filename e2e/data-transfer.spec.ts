import { readFileSync } from "node:fs";
import { sendBody } from "./fixtures/send-body";
import { expectNoAxeViolations } from "./fixtures/axe";
import { expect, test } from "./fixtures/csp";
import { signIn } from "./fixtures/staff";

// An administrator brings patients over from another system as a CSV file,
// checks what it would do, imports it, finds the patients, and takes the
// data out again; bad files are refused with messages a person can act on.

const ADMIN = "admin@demo.stride.test";
const HEADER = "first_name,last_name,email,phone,date_of_birth,preferred_language,city,postal_code";
const MB = 1024 * 1024;

function csv(lines: string[]) {
  return { name: "patients.csv", mimeType: "text/csv", buffer: Buffer.from([HEADER, ...lines].join("\r\n") + "\r\n", "utf8") };
}

test("an administrator previews a patient file, imports it, finds the patients and exports them", async ({ page }) => {
  const last = `Imported${Date.now().toString(36)}`;
  const rows = [
    `Inés,${last},ines.${last.toLowerCase()}@example.com,+1 915 555 0160,1984-07-09,es,El Paso,79912`,
    `Omar,${last},omar.${last.toLowerCase()}@example.com,+1 915 555 0161,1990-11-30,en,El Paso,79912`,
  ];
  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/staff$/);
  await page.getByRole("navigation", { name: "Staff pages" }).getByRole("link", { name: "Import and export" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import and export" })).toBeVisible();
  await expectNoAxeViolations(page, "import and export");
  const patients = page.getByRole("region", { name: "Import patients" });

  // A file with a bad row shows the row and column to fix, and offers no import.
  await page.getByLabel("Patient file (CSV)").setInputFiles(csv([...rows, `Bad,${last},bad@example.com,+1 915 555 0162,1990-02-31,en,,`, `=cmd,${last},x@example.com,+1 915 555 0163,1990-01-01,en,,`]));
  await patients.getByRole("button", { name: "Check file" }).click();
  await expect(page.getByText("2 problems to fix in the file")).toBeVisible();
  await expect(page.getByRole("row", { name: /^4 date_of_birth/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /^5 first_name .*formula/ })).toBeVisible();
  await expect(patients.getByRole("button", { name: /^Import/ })).toHaveCount(0);

  // A file in Latin-1 is refused as a whole, saying how to save it.
  await page.getByLabel("Patient file (CSV)").setInputFiles({ name: "latin1.csv", mimeType: "text/csv", buffer: Buffer.from(`${HEADER}\r\n${rows[0]}\r\n`, "latin1") });
  await patients.getByRole("button", { name: "Check file" }).click();
  await expect(page.getByText(/not UTF-8 text .* Save it as "CSV UTF-8"/)).toBeVisible();

  await page.getByLabel("Patient file (CSV)").setInputFiles(csv(rows));
  await patients.getByRole("button", { name: "Check file" }).click();
  await expect(page.getByText("2 rows: 2 patients to add, 0 already here.")).toBeVisible();
  await patients.getByRole("button", { name: "Import 2 patients" }).click();
  await expect(page.getByText("Imported 2 patients; 0 already here were left as they are.")).toBeVisible();

  // The same file again changes nothing.
  await page.getByLabel("Patient file (CSV)").setInputFiles(csv(rows));
  await patients.getByRole("button", { name: "Check file" }).click();
  await expect(page.getByText("2 rows: 0 patients to add, 2 already here.")).toBeVisible();

  await page.goto("/staff/patients");
  await page.getByLabel("Find a patient").fill(last);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("status")).toHaveText(`2 patients match “${last}”.`);
  await expect(page.getByRole("row", { name: new RegExp(`${last}, Inés`) })).toContainText("Jul 9, 1984");

  await page.goto("/staff/data");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download all patients" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^stride-patients-\d{4}-\d{2}-\d{2}\.csv$/);
  const content = readFileSync(await download.path());
  expect([...content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(content.toString("utf8")).toContain(`Inés,${last},ines.${last.toLowerCase()}@example.com,'+19155550160,1984-07-09,es,,,El Paso,,79912`);

  // Her upcoming visit from the old system, at a day years ahead that no other run books.
  const day = new Date(Date.UTC(2031, 0, 1) + (Date.now() % 2000) * 86_400_000).toISOString().slice(0, 10);
  const visits = [
    "source_id,patient_email,patient_date_of_birth,therapist,service,location,start,mode",
    `old-${last},ines.${last.toLowerCase()}@example.com,1984-07-09,luis-carrillo,therapy-session,el-paso-westside,${day} 07:15,clinic`,
  ];
  await page.getByLabel("Appointment file (CSV)").setInputFiles({ name: "visits.csv", mimeType: "text/csv", buffer: Buffer.from(visits.join("\n") + "\n") });
  const appointments = page.getByRole("region", { name: "Import upcoming appointments" });
  await appointments.getByRole("button", { name: "Check file" }).click();
  await expect(appointments.getByText("1 row: 1 visit to add, 0 already imported.")).toBeVisible();
  await appointments.getByRole("button", { name: "Import 1 visit" }).click();
  await expect(appointments.getByText("Imported 1 visit; 0 already imported were left as they are.")).toBeVisible();
  const exported = await page.request.get("/api/staff/data/export/appointments");
  expect(exported.status()).toBe(200);
  expect(await exported.text()).toMatch(new RegExp(`,${day}T\\d{2}:15:00\\.000Z,.*,BOOKED,CLINIC,STAFF,Inés,${last},`));
});

/** Streams `bytes` of body to the import path as a signed-in admin's browser would; resolves with the answer. */
function upload(baseURL: string, cookie: string, bytes: number, chunked: boolean) {
  return sendBody(baseURL, "/api/staff/data/import/patients?step=preview", bytes, {
    chunked,
    headers: { "content-type": "text/csv", origin: baseURL, cookie },
    fill: 0x61,
  });
}

test("the import takes files past the server's usual 1 MB and refuses a 50 MB file with 413", async ({ page, baseURL }) => {
  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/staff$/);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");

  for (const chunked of [false, true]) {
    const huge = await upload(baseURL!, cookie, 50 * MB, chunked);
    expect(huge.status, huge.body).toBe(413);
    expect(JSON.parse(huge.body)).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE", message: expect.stringMatching(/larger than 20 MB.*Split it/) } });
  }
  // 2 MB reaches the file check, which finds no such columns.
  const large = await upload(baseURL!, cookie, 2 * MB, false);
  expect(large.status, large.body).toBe(400);
  expect(JSON.parse(large.body).error.message).toMatch(/The header row does not match: missing columns first_name/);
});
