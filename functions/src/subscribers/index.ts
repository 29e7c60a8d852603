/**
 * Internal subscribers: in-process reactions to events, registered by type.
 * events__dispatch queues one `events__subscriber` job per (subscriber, event),
 * so each runs, fails and retries on its own. Handlers must be idempotent
 * (a retry or a crash can run them twice): re-read state, use job keys.
 * A job naming a subscriber that is no longer registered is skipped with a
 * warning (events__subscriber), so removing one here is safe with jobs queued.
 */
import type { JobHelpers } from "graphile-worker";
import invitationEmail from "./invitationEmail";
import notifications from "./notifications";
import welcomeEmail from "./welcomeEmail";

export interface BusEvent {
  id: string;
  tenantId: string | null;
  type: string;
  payload: Record<string, unknown>;
  actorUserId: string | null;
  occurredAt: Date;
}

export interface Subscriber {
  /** Unique; part of the job key, so keep it stable. */
  name: string;
  types: readonly string[];
  handle(event: BusEvent, helpers: JobHelpers): Promise<void>;
}

const registry = new Map<string, Subscriber>();

/** Adds a subscriber (used by the modules below, and by tests to inject failing ones). */
export function registerSubscriber(subscriber: Subscriber): () => void {
  if (!/^[a-z][a-z0-9_.-]{0,60}$/.test(subscriber.name)) throw new Error(`Bad subscriber name ${subscriber.name}`);
  registry.set(subscriber.name, subscriber);
  return () => registry.delete(subscriber.name);
}

export const subscribersFor = (type: string): Subscriber[] => [...registry.values()].filter((s) => s.types.includes(type));
/** { type: [subscriber names] } for every type some subscriber handles (the p_subscribers argument of app_private.complete_dispatch). */
export function subscriberTypes(): Record<string, string[]> {
  const byType: Record<string, string[]> = {};
  for (const s of registry.values()) for (const t of s.types) (byType[t] ||= []).push(s.name);
  return byType;
}
export const subscriberNamed = (name: string): Subscriber | undefined => registry.get(name);

for (const s of [invitationEmail, notifications, welcomeEmail]) registerSubscriber(s);
