# syntax=docker/dockerfile:1

# Build stage: dev dependencies compile TypeScript, then are pruned away.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: no git hooks in an image, and no install script runs unreviewed.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
RUN npm run build
RUN npm prune --omit=dev --ignore-scripts --no-audit --no-fund

# Runtime stage: only what `node dist/server.js` reads.
FROM node:20-bookworm-slim AS runtime
# tini as PID 1 forwards SIGTERM to node and reaps zombies, so shutdown stays graceful.
# fonts-liberation: the font the PNG diagram is drawn with (a slim image has no fonts, and the text would vanish).
RUN apt-get update && apt-get install -y --no-install-recommends tini fonts-liberation && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
# Owned by root and only readable by the node user: the server never writes to its own files.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY content ./content
# The GraphQL SDL, read at start (schema/*.graphql).
COPY schema ./schema
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
# Never `npm start`: npm does not forward SIGTERM to the server. On SIGTERM the server drains for up to
# SHUTDOWN_GRACE_MS (10 s by default); give `docker stop -t` / a stop grace period longer than that.
CMD ["node", "dist/server.js"]
