# Multi-stage build: compile TypeScript and bundle the web pages with the dev dependencies, then run
# the compiled API with the production dependencies only, as a non-root user.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
# The runtime image has neither the web sources nor esbuild, so the playground and explorer are
# bundled here (public/build) and served from there as they are.
RUN npm run build && npm run build:web && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
# The project root: the compiled server (dist/src) finds public/, schema/examples and seed/ from here.
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/public ./public
COPY --from=build --chown=node:node /app/schema/examples ./schema/examples
COPY --from=build --chown=node:node /app/seed ./seed
USER node
EXPOSE 4000
CMD ["node", "dist/src/main.js"]
