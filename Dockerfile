# Multi-stage build: compile TypeScript and the web bundles, then run the compiled API as a non-root user.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && (npm run build:web --if-present) && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/seed ./seed
COPY --from=build --chown=node:node /app/schema ./schema
COPY --from=build --chown=node:node /app/public ./public
USER node
EXPOSE 4000
CMD ["node", "dist/src/main.js"]
