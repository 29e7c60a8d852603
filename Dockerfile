# One image for every service of the compose stack (migrate, server, worker).
# It runs the same npm scripts the README documents.
FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# Install scripts are governed by package.json's allowScripts; dev tooling is left out.
RUN npm ci --omit=dev
COPY . .
USER node
EXPOSE 3000
CMD ["npm", "start"]
