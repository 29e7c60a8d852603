/**
 * GET /dev (development only): a page of links to everything a developer
 * pokes at. GET /: the console for browsers once it is built (console.ts
 * answers first); otherwise, and always for API clients, a short answer
 * saying what this server is and where GraphQL is (JSON, or a small page for
 * browsers; the links page in development).
 */
import type { Request, Response } from "express";
import type { Config } from "../../../core/config";
import type { Assets } from "./assets";
import { html, layout, sendPage, type Html } from "./html";
import { PAGES } from "./pages";

const link = (href: string, text: string, note?: string) => html`<li><a href="${href}">${text}</a>${note ? html` <span class="hint">${note}</span>` : ""}</li>`;

function devLinks(config: Config): Html {
  return html`<p>Development server. Nothing here is shown outside development.</p>
<h2>Console</h2>
<ul>
${link("/", "The workspace console", "sign in, workspaces, team (docs/console.md)")}
</ul>
<h2>GraphQL</h2>
<ul>
${link("/graphiql", "GraphiQL (Ruru)", "explore the schema; send a Bearer token in the Headers tab")}
<li><code>POST ${config.publicUrl}/graphql</code> <span class="hint">the endpoint (WebSocket subscriptions on the same path)</span></li>
</ul>
<h2>Pages that email links open</h2>
<ul>${PAGES.map((p) => link(p.path, p.title, p.path))}</ul>
<h2>Operations</h2>
<ul>
${link("/readyz", "/readyz", "database, migrations and worker heartbeats")}
${link("/healthz", "/healthz", "the process is up")}
${link("/metrics", "/metrics", "Prometheus (loopback or METRICS_TOKEN)")}
${link("/.well-known/jwks.json", "/.well-known/jwks.json", "public keys that sign access tokens")}
</ul>
<h2>Docs</h2>
<p>In the repository: <code>README.md</code> (the capability map) and <code>docs/</code> (one page per topic, <code>docs/configuration.md</code> for every setting), with <code>docs/email-links.md</code> (what these pages call, for teams hosting their own frontend).</p>`;
}

/** GET /dev: the links page, also when the console answers GET /. */
export function devHome(config: Config, assets: () => Assets) {
  return (_req: Request, res: Response) => sendPage(res, layout(assets(), { title: "LogicSpike Core", body: devLinks(config) }));
}

export function home(config: Config, assets: () => Assets) {
  const graphql = `${config.publicUrl}/graphql`;
  const about = { name: "LogicSpike Core", description: "Multi-tenant SaaS backend: GraphQL API, auth and webhooks.", graphql, health: "/readyz", jwks: "/.well-known/jwks.json" };
  return (req: Request, res: Response) => {
    if (config.isDev && req.accepts(["html", "json"]) === "html") return sendPage(res, layout(assets(), { title: "LogicSpike Core", body: devLinks(config) }));
    res.vary("accept");
    res.format({
      json: () => res.json(about),
      html: () =>
        sendPage(res, layout(assets(), {
          title: "LogicSpike Core",
          body: html`<p>This server hosts the LogicSpike API. GraphQL is at <code>${graphql}</code>.</p><p class="actions"><a class="button" href="/sign-in">Sign in</a></p>`,
        })),
      default: () => res.json(about),
    });
  };
}
