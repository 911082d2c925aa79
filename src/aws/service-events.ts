// A service's events (DescribeServices events[]) as a rollout reports them: each once, oldest first, none from
// before the rollout started.

import type { Service } from '@aws-sdk/client-ecs'

/** ECS's timestamps against the runner's clock: events this much older than the start may still be the rollout's. */
const CLOCK_SKEW_MS = 5000

export interface ServiceEvent {
  id: string
  at: number
  message: string
}

export class ServiceEvents {
  private readonly seen = new Set<string>()

  /** `since`: epoch ms the rollout started. */
  constructor(private readonly since: number) {}

  /** Marks every event the service shows now as reported (they belong to what came before). */
  skip(service: Service): void {
    for (const e of service.events ?? []) if (e.id) this.seen.add(e.id)
  }

  /** Events since the rollout started that were not reported yet, oldest first. */
  fresh(service: Service): ServiceEvent[] {
    const fresh = (service.events ?? [])
      .filter(
        e => e.id && !this.seen.has(e.id) && (e.createdAt?.getTime() ?? 0) >= this.since - CLOCK_SKEW_MS
      )
      .map(e => ({ id: e.id!, at: e.createdAt!.getTime(), message: e.message ?? '' }))
      // Newest first from ECS: reversed, then a stable sort keeps events of the same instant in their order.
      .reverse()
      .sort((a, b) => a.at - b.at)
    for (const e of fresh) this.seen.add(e.id)
    return fresh
  }
}
