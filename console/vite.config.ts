/**
 * The console's build (`npm run console:build`, run by `npm start` when the
 * sources are newer than console/dist) and its dev server (`npm run
 * console:dev`: live reload on :5173, proxying the API to the server that
 * `npm start` runs, so the browser sees one origin and the refresh cookie
 * works as in production).
 *
 * Assets go under /_console/<name>-<hash>.js: one prefix the server serves
 * as immutable files, away from every API route.
 */
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { API_PREFIXES } from "./src/routes";

const api = process.env.CONSOLE_API_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  root: __dirname,
  base: "/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsDir: "_console",
    // No inline data: URLs for scripts; small images may still inline (img-src allows data:).
    assetsInlineLimit: 4096,
    sourcemap: false,
    target: "es2022",
    reportCompressedSize: false,
  },
  server: {
    host: "127.0.0.1",
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(API_PREFIXES.map((prefix) => [prefix, { target: api, changeOrigin: false, ws: prefix === "/graphql" }])),
  },
});
