import { describe, expect, it } from "vitest";
import { createStaffMember, uniq } from "@/test/fixtures";
import { createReason, setReasonActive } from "@/lib/reasons/mutations";
import { GET } from "./route";

const ctx = { now: new Date("2026-11-23T12:00:00Z"), ipAddress: null };
const listed = async () => {
  const response = await GET(new Request("http://stride.test/api/reasons"), { params: Promise.resolve({}) });
  return { cacheControl: response.headers.get("cache-control"), labels: ((await response.json()) as { reasons: { label: { en: string } }[] }).reasons.map((r) => r.label.en) };
};

describe("GET /api/reasons", () => {
  it("is never cached, so an administrator's change to the list shows on the next request", async () => {
    const admin = await createStaffMember("ADMIN");
    const label = uniq("Shin splints");
    const { id } = await createReason(admin, { labelEn: label, labelEs: "Periostitis" }, ctx);
    expect(await listed()).toMatchObject({ cacheControl: "no-store", labels: expect.arrayContaining([label]) });
    await setReasonActive(admin, id, false, ctx);
    expect((await listed()).labels).not.toContain(label);
  });
});
