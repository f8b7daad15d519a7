# One image for every part of LMIS Gateway; the command picks the part:
#   npm run start:gateway | npm run start:subgraph -- <name> | npm run simulator -- <country>
# tsx runs the TypeScript sources (no build step), so the image installs with `npm ci`.
FROM node:20-slim

WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false

# Dependencies first, so a source change does not reinstall them.
COPY --chown=node:node package.json package-lock.json ./
RUN npm ci && npm cache clean --force

COPY --chown=node:node . .

# Set after `npm ci` (npm would otherwise skip the dev tooling); production also turns the IDE
# and introspection off by default and refuses the development GATEWAY_SHARED_SECRET.
ENV NODE_ENV=production HOST=0.0.0.0

# Run as the image's unprivileged user (uid 1000), never root; it owns /app so that a deployment
# can run `npm run compose` at start (deploy/kubernetes composes with the cluster's routing URLs).
USER node

EXPOSE 4000
CMD ["npm", "run", "start:gateway"]
