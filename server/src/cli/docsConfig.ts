/**
 * `npm run docs:config`: writes docs/configuration.md from the declarations in core/config.ts (test/docs.test.ts
 * fails until it is run after a setting changes).
 */
import fs from "node:fs";
import path from "node:path";
import { renderConfigurationDoc } from "../../../core/config/docs";

const file = path.join(__dirname, "..", "..", "..", "docs", "configuration.md");
fs.writeFileSync(file, renderConfigurationDoc());
process.stdout.write(`Wrote ${path.relative(process.cwd(), file)}\n`);
