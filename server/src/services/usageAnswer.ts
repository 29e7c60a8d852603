/**
 * The JSON answer of the usage routes, from the row app_private.meter_consume
 * and meter_check return. bigint and numeric arrive as strings; quantities are
 * at most 10^15 and limits entitlements times a scale, well within a double's
 * exact integers.
 */
// The answer's shape is the service kit's: services read it with packages/service-kit's client.
import type { UsageAnswer } from "../../../packages/service-kit/src/client";

export interface UsageRow {
  allowed: boolean;
  replayed: boolean;
  used: string;
  limit_value: string | null;
  period: "month" | "lifetime";
  period_start: Date;
  resets_at: Date | null;
}

export const USAGE_COLUMNS = "allowed, replayed, used, limit_value, period, period_start, resets_at";

export function usageAnswer(meter: string, row: UsageRow): UsageAnswer {
  const used = Number(row.used);
  const limit = row.limit_value === null ? null : Number(row.limit_value);
  return {
    meter,
    allowed: row.allowed,
    replayed: row.replayed,
    used,
    limit,
    remaining: limit === null ? null : Math.max(limit - used, 0),
    period: row.period,
    periodStart: row.period_start.toISOString(),
    resetsAt: row.resets_at ? row.resets_at.toISOString() : null,
  };
}
