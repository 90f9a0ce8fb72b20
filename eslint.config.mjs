import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // lib/ holds the domain; the pages and components use it, never the
    // reverse (scripts/check-imports.ts, also run by npm run lint, checks
    // this and the domain cycles over the whole tree).
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    // Tests may drive a route or a page end to end.
    ignores: ["lib/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/app", "@/app/**", "@/components", "@/components/**", "**/../app/**", "**/../components/**"],
              message: "lib/ must not import app/ or components/: move what both need into lib/.",
            },
          ],
        },
      ],
    },
  },
  {
    ignores: [".next/**", ".next-*/**", ".data/**", "node_modules/**", "lib/db/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"],
  },
];

export default config;
