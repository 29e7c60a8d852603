import type { Express } from "express";

/** Placeholder: being written. */
export default function installPages(_app: Express): void {}
