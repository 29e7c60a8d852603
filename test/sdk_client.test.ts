/**
 * The typed SDK against a real server: the README example (register, create a
 * post, list it), coded errors as SdkError, and the same client working when
 * the server accepts only trusted documents.
 */
import { randomBytes } from "node:crypto";
import { registerAndPost } from "../sdk/examples/registerAndPost";
import { CreatePostDocument, CurrentUserDocument, PostsDocument, SdkError, SubmitContactMessageDocument, createClient } from "../sdk";
import { signUp } from "./helpers/auth";
import { useTestDatabase } from "./helpers/db";
import { startTestServer, type TestServer } from "./helpers/server";

const getDb = useTestDatabase();
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

it("runs the README example: register, create a post, list it", async () => {
  server = await startTestServer(getDb());
  const { created, posts } = await registerAndPost(server.url);
  expect(created).toMatchObject({ title: expect.stringContaining("Hello from the SDK"), status: "draft" });
  expect(posts.map((p) => p?.rowId)).toEqual([created!.rowId]);
});

it("raises SdkError with the server's code", async () => {
  server = await startTestServer(getDb());
  const anonymous = createClient({ url: server.url });
  expect((await anonymous.request(CurrentUserDocument)).currentUser).toBeNull();
  const err = await anonymous.request(CreatePostDocument, { post: { title: "nope" } }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(SdkError);
  expect((err as SdkError).code).toBe("DNIED");
});

it("works unchanged when the server accepts only trusted documents", async () => {
  server = await startTestServer(getDb(), { GRAPHQL_TRUSTED_DOCUMENTS: "true" });
  const user = await signUp(server);
  const client = createClient({ url: server.url, token: () => user.accessToken });
  const title = `trusted ${randomBytes(3).toString("hex")}`;
  await client.request(CreatePostDocument, { post: { title } });
  expect((await client.request(PostsDocument, {})).posts?.nodes.map((p) => p?.title)).toEqual([title]);
  expect((await client.request(SubmitContactMessageDocument, { name: "SDK", email: "sdk@example.com", message: "hi" })).submitContactMessage?.result).toBe(true);
  // A hand-written document is refused in this mode.
  const res = await server.graphql("{ currentUser { rowId } }");
  expect(res.body.errors?.[0].extensions?.code).toBe("DOCID");
});
