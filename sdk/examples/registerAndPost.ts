/**
 * Example: register, sign in, create a post and list it with the typed SDK.
 *
 *   npm start                       # in another terminal
 *   npx tsx sdk/examples/registerAndPost.ts http://127.0.0.1:3000
 */
import { randomBytes } from "node:crypto";
import { CreatePostDocument, PostsDocument, createClient, type PermissionKey } from "../index";

export async function registerAndPost(baseUrl: string) {
  const email = `example-${randomBytes(4).toString("hex")}@example.com`;
  const password = "a long example passphrase";
  const post = (path: string, body: unknown) =>
    fetch(`${baseUrl}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  // Registration and sign-in are REST routes (docs/identity.md).
  const registered = await post("/auth/register", { email, password, name: "Example", workspaceName: "Example Workspace" });
  if (registered.status !== 202) throw new Error(`register: HTTP ${registered.status}`);
  const login = (await (await post("/auth/login", { email, password, tokenTransport: "body" })).json()) as { accessToken: string };

  const client = createClient({ url: baseUrl, token: login.accessToken });
  const needed: PermissionKey = "blog:posts.write";
  const created = await client.request(CreatePostDocument, { post: { title: `Hello from the SDK (needs ${needed})`, body: "Typed end to end." } });
  const listed = await client.request(PostsDocument, { first: 10 });
  return { created: created.createPost?.post, posts: listed.posts?.nodes ?? [] };
}

if (require.main === module) {
  registerAndPost(process.argv[2] ?? "http://127.0.0.1:3000")
    .then((r) => console.log(JSON.stringify(r, null, 2)))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
