# The app server image (compose.yaml runs two of them behind nginx). docs/operations.md, "Deployment".
# Build: docker build -t nurly-kosh .   Run: the environment of deploy/nurly-kosh.env.example.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# npm ci runs the postinstall (scripts/prisma-generate.mjs), which needs the schema and its config.
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts/prisma-generate.mjs scripts/prisma-generate.mjs
COPY prisma prisma
RUN npm ci --no-audit --no-fund
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npx next build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
RUN groupadd --system nurly-kosh && useradd --system --gid nurly-kosh --home /app nurly-kosh
COPY --from=build --chown=nurly-kosh:nurly-kosh /app /app
USER nurly-kosh
EXPOSE 3000
# Migrate (advisory lock: replicas of this container starting together migrate once), then serve.
CMD ["sh", "-c", "node node_modules/tsx/dist/cli.mjs scripts/db-migrate.ts && exec node --import tsx scripts/serve.ts start -p \"$PORT\""]
