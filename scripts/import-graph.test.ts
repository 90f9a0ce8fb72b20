import { describe, expect, it } from "vitest";
import { checkImports, importProblems, importSpecifiers } from "./import-graph";

const files = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe("import checks for lib/", () => {
  it("reads every kind of import line", () => {
    const source = `import "server-only";
import { a } from "../errors/app-error";
import type { B } from "@/lib/booking/api-types";
export { c } from "./c";
const d = await import("../video/room");`;
    expect(importSpecifiers(source)).toEqual(["server-only", "../errors/app-error", "@/lib/booking/api-types", "./c", "../video/room"]);
  });

  it("fails on lib/ importing app/ or components/, by alias or by relative path", () => {
    const report = checkImports(
      files({
        "lib/patients/data.ts": `import { x } from "@/app/(staff)/staff/actions";`,
        "lib/patients/view.ts": `import { Button } from "../../components/form/button";`,
        "lib/patients/fine.ts": `import { y } from "./data";`,
      }),
    );
    expect(importProblems(report, [])).toEqual([
      "lib/ must not import app/ or components/: lib/patients/data.ts imports @/app/(staff)/staff/actions",
      "lib/ must not import app/ or components/: lib/patients/view.ts imports ../../components/form/button",
    ]);
  });

  it("fails on domains that import each other in a cycle, and passes once it is broken", () => {
    const cyclic = files({
      "lib/booking/data.ts": `import { a } from "../schedules/rules";`,
      "lib/schedules/rules.ts": `import { b } from "../staff/names";`,
      "lib/staff/names.ts": `import type { C } from "@/lib/booking/data";`,
      "lib/staff/names.test.ts": `import { d } from "../patients/data";`,
      "lib/patients/data.ts": `import { e } from "../staff/names";`,
    });
    const report = checkImports(cyclic);
    expect(report.cycles).toEqual([["booking", "schedules", "staff"]]);
    expect(importProblems(report, [])).toHaveLength(3);
    expect(importProblems(report, ["booking -> schedules", "schedules -> staff"])).toEqual([
      "lib/ domains import each other in a cycle (booking, schedules, staff): staff -> booking is new",
    ]);

    cyclic.set("lib/staff/names.ts", `import { z } from "zod";`);
    expect(importProblems(checkImports(cyclic), [])).toEqual([]);
  });

  it("lets imports inside one domain and to packages through", () => {
    const report = checkImports(files({ "lib/booking/a.ts": `import { b } from "./b";\nimport { z } from "zod";`, "lib/booking/b.ts": `import { a } from "./a";` }));
    expect(importProblems(report, [])).toEqual([]);
  });
});
