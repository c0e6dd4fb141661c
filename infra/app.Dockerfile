# The Stoom app for infra/compose.yaml: Node 24, adapter-node build, served by scripts/serve.js.
FROM node:24.21.0-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx vite build && npm prune --omit=dev

FROM node:24.21.0-bookworm-slim
# ffprobe checks recordings before they go to Whisper.
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/scripts/serve.js ./scripts/serve.js
USER node
CMD ["node", "scripts/serve.js"]
