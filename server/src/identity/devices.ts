/**
 * What a session's User-Agent says about the device, for the session list
 * (GET /auth/sessions). Parsed with ua-parser-js (1.x: MIT; 2.x is AGPL) at
 * read time, so better parser data improves old sessions too; the raw header
 * is kept (app_private.refresh_token_families.user_agent) and returned as is.
 */
import UAParser from "ua-parser-js";

export interface Device {
  /** "Firefox 128 on Windows 10", "Mobile Safari 17.4 on iOS 17.4 (Apple iPhone)", or null when nothing is known. */
  description: string | null;
  browser: string | null;
  os: string | null;
  /** ua-parser-js device type: "mobile", "tablet", … ; null for desktops and unknown agents. */
  type: string | null;
}

const join = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(" ") || null;

export function describeDevice(userAgent: string | null): Device {
  if (!userAgent) return { description: null, browser: null, os: null, type: null };
  const r = new UAParser(userAgent).getResult();
  const browser = join(r.browser.name, r.browser.version?.split(".")[0]);
  const os = join(r.os.name, r.os.version);
  const hardware = join(r.device.vendor, r.device.model);
  const main = browser && os ? `${browser} on ${os}` : (browser ?? os);
  const description = main ? (hardware ? `${main} (${hardware})` : main) : hardware;
  return { description, browser, os, type: r.device.type ?? null };
}
