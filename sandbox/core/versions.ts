// Eventual consistency as a store of versions: each resource's readers see the version from before a change until
// that change's own lag has passed. A change is noticed when the resource is rendered (after every write, every
// simulation step and before every lagging read) and differs from the version rendered last.

interface Pending {
  /** The version readers keep seeing until `visibleAt`. */
  previous: unknown
  visibleAt: number
}

export class Versions {
  private readonly last = new Map<string, { json: string; value: unknown }>()
  private readonly pending = new Map<string, Pending[]>()

  /**
   * Note the current version of a resource. A resource seen for the first time has no earlier version to show:
   * a new resource is visible at once. Lags never let a later change overtake an earlier one.
   */
  observe(key: string, value: unknown, now: number, lag: () => number): void {
    const json = JSON.stringify(value)
    const last = this.last.get(key)
    if (last?.json === json) return
    this.last.set(key, { json, value: clone(value) })
    if (!last) return
    const queue = this.live(key, now)
    const floor = queue.length ? queue[queue.length - 1].visibleAt : now
    queue.push({ previous: last.value, visibleAt: Math.max(floor, now + lag()) })
    this.pending.set(key, queue)
  }

  /** What a reader sees now: an older version while a change is propagating, else undefined (the live one). */
  visible(key: string, now: number): unknown {
    const queue = this.live(key, now)
    return queue.length ? clone(queue[0].previous) : undefined
  }

  /** Forget resources that no longer exist. */
  retain(keys: Set<string>): void {
    for (const key of this.last.keys()) {
      if (!keys.has(key)) {
        this.last.delete(key)
        this.pending.delete(key)
      }
    }
  }

  private live(key: string, now: number): Pending[] {
    const queue = (this.pending.get(key) ?? []).filter(p => p.visibleAt > now)
    if (queue.length) this.pending.set(key, queue)
    else this.pending.delete(key)
    return queue
  }
}

/** A deep copy of an answer's plain data (structuredClone would make Dates of another realm under jest's vm). */
function clone(value: unknown): unknown {
  if (value instanceof Date) return new Date(value.getTime())
  if (Array.isArray(value)) return value.map(clone)
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)]))
  return value
}
