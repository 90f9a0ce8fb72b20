import { beforeAll, describe, expect, it, vi } from "vitest";
import { createPractice, createStaffMember } from "@/test/fixtures";
import type { StaffMember } from "@/lib/auth/mutations";
import { getPrisma } from "@/lib/db/client";

// The reports' CSV download as the browser asks for it, against the real
// database; only the signed-in staff member is stubbed.
const signedIn = vi.hoisted(() => ({ staff: null as StaffMember | null }));
vi.mock("@/lib/auth/require-staff", async () => {
  const { AppError } = await import("@/lib/errors/app-error");
  return {
    authorizeStaff: async (...roles: string[]) => {
      if (!signedIn.staff) throw new AppError("UNAUTHORIZED", "Please sign in again.");
      if (!roles.includes(signedIn.staff.role)) throw new AppError("FORBIDDEN", "Your role does not allow this.");
      return signedIn.staff;
    },
  };
});

const { GET } = await import("./route");

let admin: StaffMember;
let practice: Awaited<ReturnType<typeof createPractice>>;

beforeAll(async () => {
  admin = await createStaffMember("ADMIN");
  practice = await createPractice({ timeZone: "America/New_York" });
  // A therapist whose name a spreadsheet would run as a formula.
  await getPrisma().therapist.update({ where: { id: practice.therapists[0]!.id }, data: { firstName: "=HYPERLINK(\"x\")" } });
});

const get = (query: string) => GET(new Request(`http://localhost:3000/api/staff/reports?${query}`), { params: Promise.resolve({}) });

describe("GET /api/staff/reports", () => {
  it("downloads every figure as CSV with counts, neutralised names, and audits the export", async () => {
    signedIn.staff = admin;
    const response = await get(`from=2026-11-02&to=2026-11-08&location=${practice.location.id}&format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="stride-reports-2026-11-02-to-2026-11-08.csv"');
    const lines = (await response.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("figure,group,name,numerator,denominator,rate_percent,from,to,location");
    expect(lines).toContain(`no-show rate,all,,0,0,,2026-11-02,2026-11-08,${practice.location.name}`);
    // Every day 08:00–18:00 for a week: 70 hours.
    expect(lines).toContain(`utilisation (booked / available minutes),therapist,"'=HYPERLINK(""x"") Test",0,4200,0,2026-11-02,2026-11-08,${practice.location.name}`);
    const audit = await getPrisma().auditLog.findFirst({ where: { staffUserId: admin.id, action: "reports.export" } });
    expect(audit).toMatchObject({ entity: "Practice", entityId: practice.location.id });
  });

  it("answers a bad range with a message a person can act on", async () => {
    signedIn.staff = admin;
    const cases: [string, string][] = [
      ["from=2026-11-08&to=2026-11-02", "The end date comes before the start date: swap them."],
      ["from=2025-01-01&to=2026-11-02", "Choose a range of at most 400 days."],
      ["from=2026-02-30&to=2026-03-02", "That is not a real date."],
      ["from=2026-11-02", "Use dates as YYYY-MM-DD."],
      ["from=2026-11-02&to=2026-11-08&location=nowhere", "Choose a location from the list."],
      ["from=2026-11-02&to=2026-11-08&format=pdf", "The reports download as CSV only: use format=csv."],
    ];
    for (const [query, message] of cases) {
      const response = await get(query);
      expect(response.status, query).toBe(422);
      expect(((await response.json()) as { error: { message: string } }).error.message, query).toBe(message);
    }
    const unknown = await get(`from=2026-11-02&to=2026-11-08&location=00000000-0000-4000-8000-000000000000`);
    expect(unknown.status).toBe(404);
  });

  it("refuses a therapist and the front desk", async () => {
    for (const role of ["THERAPIST", "FRONT_DESK"] as const) {
      signedIn.staff = await createStaffMember(role, role === "THERAPIST" ? practice.therapists[0]!.id : null);
      const response = await get("from=2026-11-02&to=2026-11-08&format=csv");
      expect(response.status).toBe(403);
    }
  });
});
