/**
 * Small helpers that let tests say what they mean: the coded error of a
 * response, and "this becomes true soon" instead of a fixed sleep.
 */

/** Any answer of ours: GraphQL (`{ errors: [{ extensions: { code } }] }`) or REST (`{ error: { code } }`). */
interface Answer {
  body: { errors?: Array<{ extensions?: Record<string, unknown> }>; error?: { code?: unknown } } | null;
}

/** The code of a response's (first) error: `extensions.code` on GraphQL, `error.code` on REST; undefined when it succeeded. */
export function codeOf(res: Answer): string | undefined {
  const code = res.body?.errors?.[0]?.extensions?.code ?? res.body?.error?.code;
  return typeof code === "string" ? code : undefined;
}

/**
 * Polls `probe` until it returns something truthy (and returns that), or fails after `timeoutMs` with
 * `what` in the message. For state another process or the worker changes; never for "nothing happens"
 * (there only a bounded wait proves anything).
 */
export async function eventually<T>(what: string, probe: () => T | Promise<T>, { timeoutMs = 20_000, intervalMs = 50 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
