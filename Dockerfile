# syntax=docker/dockerfile:1
# finmart as a service: built once (TypeScript → dist/), run with plain node as a non-root user.
# Checked in CI without Docker (tests/posture/container-files.test.ts): every COPY source exists, the build
# produces what the image runs, the health check's path is served. Not built here: no Docker engine in CI.
ARG NODE_VERSION=22.23.0

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# The workspace packages (the SDK, plugin packages) are installed with the rest: npm links them into node_modules.
COPY packages ./packages
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY drizzle ./drizzle
COPY src ./src
COPY plugins ./plugins
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=4000 HOST=0.0.0.0
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
# node_modules/@finmart/* link here: the SDK's run-time module and each plugin package's built dist/.
COPY --from=build --chown=node:node /app/packages ./packages
USER node
EXPOSE 4000
# Ready = the database answers and the plugins are loaded (/readyz); fetch is built into Node.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/main.js"]
