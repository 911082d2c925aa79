// Reads that the rollouts of one run share: a run over several services (services) runs one engine per service,
// and each looks at its service and its gate alarms once per poll-interval. Asked one by one that is a
// DescribeServices per service per poll, where ECS describes up to 10 services a call, and a DescribeAlarms per
// service, where CloudWatch takes 100 names. Here every read of one kind (the services of one cluster, the alarms
// of one region) goes through one reader:
// - the asks made in the same turn of the event loop are sent together, `perCall` keys a call (no timer: an ask
//   alone is sent at once; a run of one service does not use a shared reader for its service at all);
// - a call's spare room is filled with the other keys the run has asked for lately, the longest unread first,
//   so a call made for one service refreshes nine others for free;
// - an ask is answered by a read already made (or on its way) when that read suits the asker (Freshness): newer
//   than the last one it took, no older than it accepts (a look: its poll-interval) and not sent before the
//   asker's own last change to what it reads. The engines then look at the same reads, and their
//   looks fall in step (the engine takes its next look a poll-interval after the read it was given, loop.ts).
// A call that fails fails only the asks of its own keys; a key that AWS reports as a failure (DescribeServices'
// failures[]) is that key's answer alone.

import type { CompositeAlarm, MetricAlarm } from '@aws-sdk/client-cloudwatch'
import type { DescribeServicesCommandOutput } from '@aws-sdk/client-ecs'
import type { Clock } from '../engine/ports.js'

/** An alarm as DescribeAlarms returned it; undefined: there is no alarm of that name. */
export type AlarmAnswer = MetricAlarm | CompositeAlarm | undefined

/** A run's shared readers of one region (run-reads.ts builds them). */
export interface RunReads {
  /** The services of a cluster; each answer is DescribeServices' answer narrowed to that service. */
  services(cluster: string): SharedReads<DescribeServicesCommandOutput>
  alarms: SharedReads<AlarmAnswer>
}

/** What an asker accepts. */
export interface Freshness {
  /** A read sent at most this long ago (0: one sent now or later). */
  maxAgeMs: number
  /** A read sent after this instant: the last read the asker took, so it is never handed the same one twice. */
  after?: number
  /** A read sent at or after this instant: the asker's last write, so a read never predates what it did. */
  notBefore?: number
}

/** One key's answer and when the call that read it was sent. */
export interface Read<V> {
  value: V
  at: number
}

export interface SharedReadsOptions<V> {
  clock: Pick<Clock, 'now'>
  /** Keys one call may read. */
  perCall: number
  /** One call for these keys (at most perCall): each key's answer. */
  fetch(keys: string[]): Promise<Map<string, V>>
}

/** Keys asked for within this long are filled into calls' spare room: they are likely to be asked again. */
export const WANTED_MS = 60_000

/**
 * A read sent this recently stands for one sent now, where a read of the service as it is now is asked for (a
 * rollout's first read, the check before creating its task set): AWS's own reads lag its writes by more.
 */
export const RECENT_MS = 500

interface Batch<V> {
  keys: Set<string>
  /** When it was sent; undefined while it gathers this turn's asks. */
  at?: number
  answers: Promise<Map<string, { read: Read<V> } | { error: unknown }>>
}

export class SharedReads<V> {
  private readonly latest = new Map<string, Read<V>>()
  private readonly askedAt = new Map<string, number>()
  private readonly flying = new Set<Batch<V>>()
  private gathering?: Batch<V>

  constructor(private readonly o: SharedReadsOptions<V>) {}

  now(): number {
    return this.o.clock.now()
  }

  /** Keys about to be asked for (a wave's services): the first calls carry them, so the first asks share reads. */
  want(keys: string[]): void {
    for (const key of keys) this.askedAt.set(key, this.now())
  }

  /** The key's answer, from a read that suits `freshness`; sent (with this turn's other asks) only if none does. */
  async read(key: string, freshness: Freshness): Promise<Read<V>> {
    const now = this.now()
    const suits = (at: number | undefined) =>
      at !== undefined &&
      at >= now - freshness.maxAgeMs &&
      at > (freshness.after ?? -Infinity) &&
      at >= (freshness.notBefore ?? -Infinity)
    this.askedAt.set(key, now)
    const latest = this.latest.get(key)
    if (latest && suits(latest.at)) return latest
    const batch = [...this.flying].find(b => b.keys.has(key) && suits(b.at)) ?? this.gather(key)
    const answer = (await batch.answers).get(key)!
    if ('error' in answer) throw answer.error
    return answer.read
  }

  /** The batch of this turn's asks, sent once the turn is over. */
  private gather(key: string): Batch<V> {
    if (!this.gathering) {
      let send!: () => void
      const sent = new Promise<void>(resolve => (send = resolve))
      const batch: Batch<V> = { keys: new Set(), answers: sent.then(() => this.send(batch)) }
      this.gathering = batch
      setImmediate(send)
    }
    this.gathering.keys.add(key)
    return this.gathering
  }

  private async send(batch: Batch<V>): Promise<Map<string, { read: Read<V> } | { error: unknown }>> {
    this.gathering = undefined
    const at = this.now()
    batch.at = at
    const asked = [...batch.keys]
    const room = Math.ceil(asked.length / this.o.perCall) * this.o.perCall - asked.length
    for (const key of this.spare(batch.keys, at).slice(0, room)) batch.keys.add(key)
    this.flying.add(batch)
    const keys = [...batch.keys]
    const answers = new Map<string, { read: Read<V> } | { error: unknown }>()
    const calls: Promise<void>[] = []
    for (let i = 0; i < keys.length; i += this.o.perCall) {
      const chunk = keys.slice(i, i + this.o.perCall)
      calls.push(
        this.o.fetch(chunk).then(
          values => {
            for (const key of chunk) {
              const read = { value: values.get(key) as V, at }
              answers.set(key, { read })
              if ((this.latest.get(key)?.at ?? -Infinity) <= at) this.latest.set(key, read)
            }
          },
          (error: unknown) => {
            for (const key of chunk) answers.set(key, { error })
          }
        )
      )
    }
    await Promise.all(calls)
    this.flying.delete(batch)
    return answers
  }

  /** Keys asked for lately that this batch does not read, the longest unread first. */
  private spare(taken: Set<string>, now: number): string[] {
    const flying = new Set([...this.flying].flatMap(b => [...b.keys]))
    return [...this.askedAt]
      .filter(([key, at]) => now - at <= WANTED_MS && !taken.has(key) && !flying.has(key))
      .map(([key]) => key)
      .sort((a, b) => (this.latest.get(a)?.at ?? -Infinity) - (this.latest.get(b)?.at ?? -Infinity))
  }
}

/**
 * One asker's view of a reader: it is never handed the same read twice (each look sees something newer than the
 * last) nor a read sent before its own last write.
 */
export class SharedRead<V> {
  private taken = new Map<string, number>()
  private wroteAt = -Infinity

  constructor(
    private readonly reads: SharedReads<V>,
    readonly keys: string[]
  ) {}

  /** Each key's answer; `at` is the oldest of the reads that answered. */
  async take(maxAgeMs: number): Promise<{ values: Map<string, V>; at: number }> {
    if (!this.keys.length) return { values: new Map(), at: this.reads.now() }
    const reads = await Promise.all(
      this.keys.map(key =>
        this.reads.read(key, { maxAgeMs, after: this.taken.get(key), notBefore: this.wroteAt })
      )
    )
    reads.forEach((read, i) => this.taken.set(this.keys[i], read.at))
    return {
      values: new Map(reads.map((read, i) => [this.keys[i], read.value])),
      at: Math.min(...reads.map(read => read.at))
    }
  }

  /** This asker changed what it reads: later reads must be sent after now. */
  wrote(): void {
    this.wroteAt = this.reads.now()
  }
}
