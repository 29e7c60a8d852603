/**
 * docs/configuration.md, rendered from the declarations in core/config.ts: one table per section, a row per
 * variable. `npm run docs:config` (server/src/cli/docsConfig.ts) writes it; test/docs.test.ts fails when the
 * committed page differs from this.
 */
import { SECTIONS } from "../config";
import { settingsOf } from "./declare";

const INTRO = [
  "Every setting is an environment variable. `core/config.ts` declares each one once: its parser, its default",
  "and the line below. Unset and empty both mean the default, unless the row says otherwise; a value that does",
  "not parse stops the process at start with one line naming the variable.",
].join("\n");

function row(name: string, shown: string, doc: string): string {
  for (const cell of [name, shown, doc]) if (/\||\n/.test(cell)) throw new Error(`core/config.ts: ${name}: a table cell cannot hold "|" or a line break`);
  return `| \`${name}\` | ${shown} | ${doc} |`;
}

export function renderConfigurationDoc(): string {
  const out = [
    "# Configuration",
    "",
    "<!-- Generated from core/config.ts by `npm run docs:config`; edit the declarations there, not this page. -->",
    "",
    INTRO,
  ];
  for (const section of SECTIONS) {
    out.push("", `## ${section.title}`, "", "| Variable | Default | Meaning |", "| --- | --- | --- |");
    for (const s of settingsOf(section.settings)) {
      out.push(row(s.name, s.shown, s.doc));
      if (s.family) out.push(row(s.family.name, s.family.shown, s.family.doc));
    }
    for (const e of section.readElsewhere) out.push(row(e.name, e.shown, e.doc));
    if (section.note) out.push("", section.note);
  }
  return `${out.join("\n")}\n`;
}
