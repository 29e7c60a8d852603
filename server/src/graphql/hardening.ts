/**
 * GraphQL hardening, as grafserv plugins and options:
 *
 *  - Trusted documents (production default): only operations from the
 *    persisted-document manifest codegen writes (sdk/generated/
 *    persisted-documents.json) run; clients send `{ documentId }` (or Apollo's
 *    `extensions.persistedQuery.sha256Hash`). Anything else is 400.
 *  - For operations that are not persisted (development, or production with
 *    trusted documents turned off): a cap on selection depth and on aliases,
 *    and introspection only where allowed. Checked before execution, cached
 *    per document text.
 *
 * Request size is capped by grafserv's maxRequestLength (BODY_LIMIT_BYTES) and
 * statement_timeout is set per request role in pgSettingsFor.
 */
import fs from "node:fs";
import { SafeError } from "grafast";
import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from "graphql";
import { PersistedPlugin } from "@grafserv/persisted";
import type { Config } from "../../../core/config";

export interface DocumentCost {
  depth: number;
  aliases: number;
  introspection: boolean;
}

/**
 * Depth of the deepest selection (following fragments; introspection fields
 * count as one level), aliases used, and whether __schema/__type is asked for.
 */
export function measureDocument(document: DocumentNode): DocumentCost {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  let aliases = 0;
  let introspection = false;
  const counted = new Set<SelectionSetNode>();

  const depthOf = (set: SelectionSetNode, seen: Set<string>): number => {
    let deepest = 0;
    const countAliases = !counted.has(set);
    counted.add(set);
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (countAliases && sel.alias) aliases++;
        if (sel.name.value === "__schema" || sel.name.value === "__type") {
          // Introspection is allowed or refused as a whole (GRAPHQL_INTROSPECTION); its `ofType` chains
          // (GraphiQL/Ruru nest ~15 levels) do not count towards the depth cap.
          introspection = true;
          deepest = Math.max(deepest, 1);
          continue;
        }
        deepest = Math.max(deepest, sel.selectionSet ? 1 + depthOf(sel.selectionSet, seen) : 1);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(sel.selectionSet, seen));
      } else {
        const name = sel.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) continue; // unknown or cyclic: validation reports it
        deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set([...seen, name])));
      }
    }
    return deepest;
  };

  let depth = 0;
  for (const d of document.definitions) {
    if (d.kind === Kind.OPERATION_DEFINITION) depth = Math.max(depth, depthOf(d.selectionSet, new Set()));
  }
  return { depth, aliases, introspection };
}

const limitError = (message: string) => new SafeError(message, { statusCode: 400, code: "QLIMT" });

/** The per-document verdict (undefined = fine), cached because the same documents repeat. */
function makeChecker(config: Config["graphql"]): (query: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (query) => {
    if (cache.has(query)) return cache.get(query);
    let verdict: string | undefined;
    let document: DocumentNode | undefined;
    try {
      document = parse(query, { maxTokens: 10_000 });
    } catch {
      document = undefined; // syntax errors (and token floods) are reported by grafserv's own parse
    }
    if (document) {
      const cost = measureDocument(document);
      if (cost.depth > config.maxDepth) verdict = `This operation nests ${cost.depth} levels deep; the limit is ${config.maxDepth}. Split it into smaller queries.`;
      else if (cost.aliases > config.maxAliases) verdict = `This operation uses ${cost.aliases} aliases; the limit is ${config.maxAliases}.`;
      else if (cost.introspection && !config.introspection) verdict = "Introspection is disabled on this server; use the published schema.graphql.";
    }
    if (cache.size >= 1000) cache.clear();
    cache.set(query, verdict);
    return verdict;
  };
}

export function operationLimitsPlugin(config: Config["graphql"]): GraphileConfig.Plugin {
  const check = makeChecker(config);
  return {
    name: "LogicSpikeOperationLimitsPlugin",
    version: "1.0.0",
    // After PersistedPlugin has swapped a document id for its text: persisted documents are trusted as written.
    after: ["PersistedPlugin"],
    grafserv: {
      middleware: {
        processGraphQLRequestBody(next, event) {
          const { body } = event;
          const persisted = config.trustedDocuments;
          if (!persisted && typeof body.query === "string") {
            const verdict = check(body.query);
            if (verdict) throw limitError(verdict);
          }
          return next();
        },
      },
    },
  };
}

/**
 * In trusted-documents mode, answers a request without a known document id
 * with a coded 400 before PersistedPlugin looks at it (it would log and throw
 * an uncoded error).
 */
export function trustedDocumentsGuardPlugin(documents: Record<string, string>): GraphileConfig.Plugin {
  return {
    name: "LogicSpikeTrustedDocumentsGuardPlugin",
    version: "1.0.0",
    before: ["PersistedPlugin"],
    grafserv: {
      middleware: {
        processGraphQLRequestBody(next, event) {
          const body = event.body as { documentId?: unknown; id?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } };
          const id = body.extensions?.persistedQuery?.sha256Hash ?? body.documentId ?? body.id;
          if (typeof id !== "string" || !Object.hasOwn(documents, id)) {
            throw new SafeError("Only trusted (persisted) operations are accepted here; send a known documentId from the SDK's manifest.", {
              statusCode: 400,
              code: "DOCID",
            });
          }
          return next();
        },
      },
    },
  };
}

/** Reads codegen's manifest (hash -> document); a missing or invalid file is a startup error when trusted documents are on. */
export function loadPersistedDocuments(file: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`GRAPHQL_TRUSTED_DOCUMENTS is on but ${file} cannot be read (run npm run codegen): ${(e as Error).message}`);
  }
  if (!parsed || typeof parsed !== "object" || Object.values(parsed).some((v) => typeof v !== "string")) {
    throw new Error(`${file} is not a persisted-document manifest ({ "<sha256>": "<document>" })`);
  }
  return parsed as Record<string, string>;
}

/** Plugins and grafserv options for the preset. */
export function hardeningPreset(config: Config["graphql"]): { plugins: GraphileConfig.Plugin[]; grafserv: GraphileConfig.GrafservOptions } {
  if (!config.trustedDocuments) return { plugins: [operationLimitsPlugin(config)], grafserv: {} };
  const documents = loadPersistedDocuments(config.persistedDocumentsFile);
  return {
    plugins: [trustedDocumentsGuardPlugin(documents), PersistedPlugin, operationLimitsPlugin(config)],
    grafserv: { persistedOperations: documents, allowUnpersistedOperation: false },
  };
}
