import type { Express } from "express";

/** Placeholder: being written. */
export default function installCanonicalPath(_app: Express): void {}
