/**
 * How core/config.ts declares a setting, once: the environment variable, its parser, its default, and the
 * default and meaning docs/configuration.md shows. The Config type is inferred from the declarations, and
 * loadConfig and the docs page (core/config/docs.ts) both read them, so the three cannot disagree.
 */

/** What a parser or a computed default may use. */
export interface Context {
  /** The variable being read, for messages. */
  readonly name: string;
  /** Another setting's value; each setting is parsed once per loadConfig. */
  get<T>(setting: Setting<T>): T;
  /** The variables of this setting's family (e.g. GATEWAY_ROUTE_<NAME>), [name, value] in environment order. */
  readonly family: ReadonlyArray<readonly [string, string | undefined]>;
}

/** Variables sharing a prefix that one setting reads besides its own (GATEWAY_ROUTE_<NAME>); one row in the docs. */
export interface Family {
  readonly pattern: RegExp;
  /** As the docs show it, e.g. GATEWAY_ROUTE_<NAME>. */
  readonly name: string;
  readonly shown: string;
  readonly doc: string;
}

export interface Setting<T> {
  readonly kind: "setting";
  /** The environment variable. */
  readonly name: string;
  /** Set, non-empty text to the value; throws the message an operator reads. */
  readonly parse: (raw: string, ctx: Context) => T;
  /** The value when the variable is unset or empty; a function when it depends on other settings. */
  readonly default?: T | ((ctx: Context) => T);
  /** Instead of a default, for the rare setting where empty is a value of its own: the text an unset variable reads as. */
  readonly unsetText?: string;
  /** The default as docs/configuration.md shows it. */
  readonly shown: string;
  /** Its line in docs/configuration.md. */
  readonly doc: string;
  readonly family?: Family;
}

/** A value derived from settings, not read from the environment itself (isDev). */
export interface Computed<T> {
  readonly kind: "computed";
  readonly compute: (get: Context["get"]) => T;
}

/** A variable that something other than loadConfig reads (a library, or code that runs before the config exists): documented only. */
export interface ReadElsewhere {
  readonly name: string;
  /** Who reads it, for the reader of core/config.ts. */
  readonly readBy: string;
  readonly shown: string;
  readonly doc: string;
}

export interface Tree {
  readonly [key: string]: Setting<unknown> | Computed<unknown> | Tree;
}

/** A heading of docs/configuration.md: its settings (their keys are the Config's), and what else it documents. */
export interface Section<S extends Tree = Tree> {
  readonly title: string;
  readonly settings: S;
  readonly readElsewhere: readonly ReadElsewhere[];
  /** A paragraph under the section's table. */
  readonly note?: string;
}

type SettingSpec<T> = Omit<Setting<T>, "kind" | "shown" | "default" | "unsetText"> & { readonly shown?: string };

/**
 * Declares one setting; its type is what `parse` returns (the default must fit it). `shown` may be left out when
 * the default is a literal (`3000`), undefined (unset) or unsetText.
 */
export function setting<T>(spec: SettingSpec<T> & { readonly default: NoInfer<T> | ((ctx: Context) => NoInfer<T>) }): Setting<T>;
export function setting<T>(spec: SettingSpec<T> & { readonly unsetText: string }): Setting<T>;
export function setting<T>(spec: SettingSpec<T> & Pick<Setting<T>, "default" | "unsetText">): Setting<T> {
  const d: unknown = spec.default;
  const shown =
    spec.shown ??
    (spec.unsetText !== undefined ? `\`${spec.unsetText}\`` : d === undefined ? "unset" : /^(string|number|boolean)$/.test(typeof d) ? `\`${String(d)}\`` : undefined);
  if (shown === undefined) throw new Error(`core/config.ts: ${spec.name} has a computed default; say how the docs show it (shown: …)`);
  return { ...spec, kind: "setting", shown };
}

export const computed = <T>(compute: (get: Context["get"]) => T): Computed<T> => ({ kind: "computed", compute });

export const section = <S extends Tree>(title: string, settings: S, more: { readElsewhere?: ReadElsewhere[]; note?: string } = {}): Section<S> => ({
  title,
  settings,
  readElsewhere: more.readElsewhere ?? [],
  note: more.note,
});

const isSetting = (x: unknown): x is Setting<unknown> => (x as Setting<unknown>).kind === "setting";
const isComputed = (x: unknown): x is Computed<unknown> => (x as Computed<unknown>).kind === "computed";

/** A section's settings in declaration order (nested groups flattened). */
export function settingsOf(tree: Tree): Setting<unknown>[] {
  return Object.values(tree).flatMap((v) => (isSetting(v) ? [v] : isComputed(v) ? [] : settingsOf(v)));
}

type Infer<S> = {
  -readonly [K in keyof S]: S[K] extends Setting<infer T> ? T : S[K] extends Computed<infer T> ? T : Infer<S[K]>;
};
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/** The configuration object the sections declare: each section's keys side by side. */
export type ConfigOf<Sections extends readonly Section[]> = Infer<UnionToIntersection<Sections[number]["settings"]>>;

export interface Source {
  read(name: string): string | undefined;
  entries(): ReadonlyArray<readonly [string, string | undefined]>;
}

/** Parses every setting of every section from `source`, in declaration order (a setting another depends on, at its first use). */
export function resolve(sections: readonly Section[], source: Source): Record<string, unknown> {
  const values = new Map<Setting<unknown>, { value: unknown } | "resolving">();
  const get = <T>(s: Setting<T>): T => {
    const known = values.get(s);
    if (known === "resolving") throw new Error(`core/config.ts: the default of ${s.name} depends on itself`);
    if (known) return known.value as T;
    values.set(s, "resolving");
    const value = valueOf(s);
    values.set(s, { value });
    return value;
  };
  const valueOf = <T>(s: Setting<T>): T => {
    const family = s.family ? source.entries().filter(([name]) => s.family!.pattern.test(name)) : [];
    const ctx: Context = { name: s.name, get, family };
    const raw = source.read(s.name) ?? s.unsetText;
    if (raw !== undefined && (raw !== "" || s.unsetText !== undefined)) return s.parse(raw, ctx);
    return typeof s.default === "function" ? (s.default as (ctx: Context) => T)(ctx) : (s.default as T);
  };
  const build = (tree: Tree): Record<string, unknown> =>
    Object.fromEntries(Object.entries(tree).map(([key, v]) => [key, isSetting(v) ? get(v) : isComputed(v) ? v.compute(get) : build(v)]));
  const config: Record<string, unknown> = {};
  for (const s of sections) {
    for (const [key, value] of Object.entries(build(s.settings))) {
      if (key in config) throw new Error(`core/config.ts: sections ${JSON.stringify(s.title)} and another both declare ${key}`);
      config[key] = value;
    }
  }
  return config;
}
