/**
 * An example upstream service behind the LogicSpike gateway, built only on @logicspike/service-kit
 * (a team outside this repository would `npm install @logicspike/service-kit`; here the import is the
 * package's source). It is the blog service's reactions: readers react to posts.
 *
 *   GATEWAY_ROUTES='{"blog":"http://127.0.0.1:4100"}'   (on the platform)
 *   GATEWAY_KEY=… PLATFORM_URL=http://127.0.0.1:4000 PORT=4100 node --import tsx examples/blog-reactions/server.ts
 *
 * Through the gateway, at /svc/blog/…:
 *   POST   /posts/:postId/reactions {reaction}  react (blog:posts.read); counts on the blog.reactions meter,
 *                                              refused with 402 LIMIT past the plan's limit; publishes
 *                                              blog.post.reacted, which webhooks and subscribers receive
 *   DELETE /posts/:postId/reactions/:reaction  take it back: the meter is released
 *   GET    /posts/:postId/reactions            counts, and whether the caller reacted (API keys too)
 *   GET    /me                                 who the gateway says is calling, with the workspace's name
 *
 * Reactions live in this process's memory: the example is about the platform's side, not storage.
 * An Idempotency-Key header from the client makes a retried reaction count and publish once.
 */
import express from "express";
import { PlatformClient, ServiceKitError } from "../../packages/service-kit/src";
import { errorHandler, gateway, identityOf, requirePermission, serviceContext } from "../../packages/service-kit/src/express";

const REACTIONS = ["like", "love", "laugh", "insightful"] as const;
type Reaction = (typeof REACTIONS)[number];

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`blog-reactions: set ${name}`);
  return value;
}

export function createApp(options: { gatewayKey: string; platformUrl: string }) {
  const client = new PlatformClient({ baseUrl: options.platformUrl, gatewayKey: options.gatewayKey, service: "blog" });
  /** workspace → post → reaction → users who reacted. */
  const store = new Map<string, Map<string, Map<Reaction, Set<string>>>>();
  const reactionsOf = (tenantId: string, postId: string) => {
    let posts = store.get(tenantId);
    if (!posts) store.set(tenantId, (posts = new Map()));
    let post = posts.get(postId);
    if (!post) posts.set(postId, (post = new Map(REACTIONS.map((r) => [r, new Set<string>()]))));
    return post;
  };
  const counts = (post: Map<Reaction, Set<string>>) => Object.fromEntries([...post].map(([r, users]) => [r, users.size]));

  const app = express();
  app.disable("x-powered-by");
  // Outside the gateway check: for the process manager, not for callers.
  app.get("/health", (_req, res) => void res.json({ ok: true }));
  app.use(gateway({ gatewayKey: options.gatewayKey, client }));
  app.use(express.json({ limit: "16kb" }));

  const postId = (raw: string) => {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(raw)) throw new ServiceKitError("BADRQ", "A post id is 1 to 64 letters, digits, - or _.");
    return raw;
  };
  const reaction = (raw: unknown): Reaction => {
    if (!REACTIONS.includes(raw as Reaction)) throw new ServiceKitError("BADRQ", `reaction is one of ${REACTIONS.join(", ")}.`);
    return raw as Reaction;
  };
  const userOf = (req: express.Request) => {
    const { userId } = identityOf(req);
    if (!userId) throw new ServiceKitError("DNIED", "Reactions are a person's: sign in rather than use an API key.");
    return userId;
  };

  app.get("/me", async (req, res, next) => {
    try {
      const { identity, platform } = serviceContext(req);
      const workspace = await platform.settings();
      const member = identity.userId ? await platform.member(identity.userId) : null;
      res.json({
        userId: identity.userId,
        tenantId: identity.tenantId,
        workspace: workspace.settings.displayName ?? workspace.name,
        name: member?.name ?? null,
        canReact: identity.can("blog:posts.read"),
      });
    } catch (err) {
      next(err);
    }
  });

  app.post("/posts/:postId/reactions", requirePermission("blog:posts.read"), async (req, res, next) => {
    try {
      const { identity, platform } = serviceContext(req);
      const userId = userOf(req);
      const id = postId(req.params.postId);
      const which = reaction(req.body?.reaction);
      const users = reactionsOf(identity.tenantId, id).get(which)!;
      if (users.has(userId)) return void res.json({ postId: id, reaction: which, counts: counts(reactionsOf(identity.tenantId, id)), replayed: true });
      // One key for the meter and the event: a client retry (same Idempotency-Key) counts and publishes once.
      const key = `reaction:${req.get("idempotency-key") ?? identity.requestId}`;
      const usage = await platform.consume("blog.reactions", 1, { idempotencyKey: key });
      if (!usage.allowed) {
        return void res.status(402).json({
          error: { code: "LIMIT", message: `This workspace's plan allows ${usage.limit} reactions a month; it resets at ${usage.resetsAt}.` },
          usage,
        });
      }
      users.add(userId);
      const all = counts(reactionsOf(identity.tenantId, id));
      const event = await platform.publish("blog.post.reacted", { postId: id, reaction: which, userId, count: all[which] }, { idempotencyKey: key });
      res.status(201).json({ postId: id, reaction: which, counts: all, eventId: event.eventId, usage: { used: usage.used, limit: usage.limit, remaining: usage.remaining } });
    } catch (err) {
      next(err);
    }
  });

  app.delete("/posts/:postId/reactions/:reaction", requirePermission("blog:posts.read"), async (req, res, next) => {
    try {
      const { identity, platform } = serviceContext(req);
      const userId = userOf(req);
      const id = postId(req.params.postId);
      const users = reactionsOf(identity.tenantId, id).get(reaction(req.params.reaction))!;
      if (!users.delete(userId)) throw new ServiceKitError("BADRQ", "You had not reacted so.");
      const usage = await platform.release("blog.reactions", 1, { idempotencyKey: `unreact:${identity.requestId}` });
      res.json({ postId: id, counts: counts(reactionsOf(identity.tenantId, id)), usage: { used: usage.used, limit: usage.limit, remaining: usage.remaining } });
    } catch (err) {
      next(err);
    }
  });

  app.get("/posts/:postId/reactions", requirePermission("blog:posts.read"), (req, res, next) => {
    try {
      const identity = identityOf(req);
      const post = reactionsOf(identity.tenantId, postId(req.params.postId));
      const mine = identity.userId ? REACTIONS.filter((r) => post.get(r)!.has(identity.userId!)) : [];
      res.json({ postId: req.params.postId, counts: counts(post), mine });
    } catch (err) {
      next(err);
    }
  });

  app.use(errorHandler((err, req) => console.error(`blog-reactions: ${req.method} ${req.path} failed (request ${req.get("x-request-id")})`, err)));
  return app;
}

if (require.main === module) {
  const port = Number(process.env.PORT ?? 4100);
  const app = createApp({ gatewayKey: env("GATEWAY_KEY"), platformUrl: env("PLATFORM_URL") });
  const server = app.listen(port, process.env.HOST ?? "127.0.0.1", () => {
    console.log(`blog-reactions listening on http://${process.env.HOST ?? "127.0.0.1"}:${port}`);
  });
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => server.close(() => process.exit(0)));
}
