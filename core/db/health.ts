/**
 * Tracks whether Postgres is reachable. Requests that hit a connection error
 * mark it down; while down, a probe retries every second and marks it up
 * again, so the server recovers without a restart. `/readyz` and the GraphQL
 * 503 mapping read it.
 */
import type { Pool } from "pg";
import { logger } from "../logger";

export class DatabaseHealth {
  private down = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly pool: Pool, private readonly probeIntervalMs = 1000) {}

  get isDown(): boolean {
    return this.down;
  }

  markDown(): void {
    if (this.down || this.stopped) return;
    this.down = true;
    logger.warn("Database unreachable; answering 503 until it is back");
    this.timer = setInterval(() => void this.check(), this.probeIntervalMs);
    this.timer.unref();
  }

  private markUp(): void {
    if (!this.down) return;
    this.down = false;
    clearInterval(this.timer);
    this.timer = undefined;
    logger.info("Database reachable again");
  }

  /** One round trip; updates the state either way. */
  async check(): Promise<boolean> {
    try {
      await this.pool.query("select 1");
      this.markUp();
      return true;
    } catch {
      this.markDown();
      return false;
    }
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }
}
