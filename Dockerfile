# One image for every part of LMIS Gateway, built in two stages; the command picks the part:
#   node dist/gateway/src/main.js | node dist/subgraphs/main.js <name> | node dist/simulators/main.js <country>
#
# `node` runs the built JavaScript directly and is PID 1 (never npm, which does not pass SIGTERM
# on): on SIGTERM the process drains — stops accepting, finishes the requests in flight, then
# stops Apollo and closes its caches (core/lifecycle.ts). Compose adds tini (`init: true`);
# Kubernetes signals node itself.

# --- build: install everything, compile TypeScript to dist/, then drop the dev dependencies ---
FROM node:20-slim AS build
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev && npm cache clean --force

# --- runtime: the built code, production dependencies, and the files read at run time ---
FROM node:20-slim AS runtime
WORKDIR /app
# Production turns the IDE and introspection off by default and refuses the development secret.
ENV NODE_ENV=production HOST=0.0.0.0
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Read at run time through core/paths.ts fromRoot(): reference data, rates, the registry and the
# committed supergraph, each subgraph's manifest and SDL, the simulators' contracts, the IDE source.
COPY --from=build /app/data ./data
COPY --from=build /app/config ./config
COPY --from=build /app/schema ./schema
COPY --from=build /app/subgraphs ./subgraphs
COPY --from=build /app/simulators ./simulators
COPY --from=build /app/gateway/ide ./gateway/ide
# The image's unprivileged user (uid 1000), never root; the files stay root-owned and read-only
# to it (Kubernetes also mounts the root filesystem read-only).
USER node
EXPOSE 4000
CMD ["node", "dist/gateway/src/main.js"]
