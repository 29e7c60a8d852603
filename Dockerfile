# One image for every service of the compose stack (migrate, server, worker).
# It runs the same npm scripts the README documents.

# The console (console/, React + Vite) is built with the dev tooling in a stage of its own;
# the image keeps only its static build (console/dist).
FROM node:22-bookworm-slim AS console
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY console ./console
COPY sdk ./sdk
RUN node console/scripts/ensure-built.mjs --force

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# Install scripts are governed by package.json's allowScripts; dev tooling is left out.
RUN npm ci --omit=dev
COPY . .
# After the sources, so it is newer than them: `npm start` (prestart) then finds the build fresh.
COPY --from=console /app/console/dist ./console/dist
# The local storage backend's folder (docs/storage.md): a named volume mounted here starts with this owner.
RUN mkdir -p /var/lib/logicspike/storage && chown node:node /var/lib/logicspike/storage
USER node
EXPOSE 3000
CMD ["npm", "start"]
