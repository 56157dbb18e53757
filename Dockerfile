# syntax=docker/dockerfile:1
# Baton in production: `docker build -t baton .`, then run with MONGODB_URI (see compose.yaml).
# Three stages: the build has the dev dependencies (Vite, TypeScript tooling); the image has only
# production dependencies, the built dist/ and the example bank in data/, and runs as `node`.

FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    EMBEDDINGS_CACHE_DIR=/app/.data/embeddings-cache
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY --from=build /app/dist ./dist
# The `baton` command line: bin/baton.mjs runs dist/server/cli.js here (no tsx in the image).
COPY bin ./bin
COPY data ./data
# The only folder the server writes to (the embeddings cache, when EMBEDDINGS_URL is set).
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
# /readyz: 503 while starting, draining or without a database; answers within a second.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Plain node as PID 1 gets SIGTERM from `docker stop` and drains (SHUTDOWN_TIMEOUT_MS, default 10 s;
# keep docker's stop timeout above it).
CMD ["node", "--enable-source-maps", "dist/server/main.js"]
