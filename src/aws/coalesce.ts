// A run over several services (services) runs one pipeline per service, and each polls its own service and its own
// gate alarms. Calls that come within a few milliseconds of each other are merged into as few as the APIs allow:
// DescribeServices of one cluster up to 10 services a call ("You may specify up to 10 services to describe"),
// DescribeAlarms up to 100 names. The services of a wave start together and poll at the same interval, so their
// looks fall close together. Each caller gets back only what it asked for, as if it had called alone.

import {
  DescribeAlarmsCommand,
  type DescribeAlarmsCommandInput,
  type DescribeAlarmsCommandOutput
} from '@aws-sdk/client-cloudwatch'
import {
  DescribeServicesCommand,
  type DescribeServicesCommandInput,
  type DescribeServicesCommandOutput
} from '@aws-sdk/client-ecs'
import type { Clients } from './clients.js'

/** How long a call waits for others to join it. */
export const COALESCE_MS = 25

interface Waiter<O> {
  names: string[]
  resolve(output: O): void
  reject(error: unknown): void
}

/**
 * Merges the calls of one shape (all but the list of names equal) made within `windowMs`, sends the union of the
 * names `limit` at a time, and hands each caller its share of the answers.
 */
class Batcher<I, O> {
  private readonly pending = new Map<string, { base: I; waiters: Waiter<O>[] }>()

  constructor(
    private readonly o: {
      names(input: I): string[] | undefined
      withNames(base: I, names: string[]): I
      send(input: I): Promise<O>
      merge(outputs: O[]): O
      share(output: O, names: string[]): O
      limit: number
      windowMs: number
    }
  ) {}

  /** undefined: this call is not one to merge (no names, or a page token), send it as it is. */
  run(input: I): Promise<O> | undefined {
    const names = this.o.names(input)
    if (!names?.length) return undefined
    const key = JSON.stringify(this.o.withNames(input, []))
    return new Promise<O>((resolve, reject) => {
      let batch = this.pending.get(key)
      if (!batch) {
        batch = { base: input, waiters: [] }
        this.pending.set(key, batch)
        setTimeout(() => void this.flush(key), this.o.windowMs)
      }
      batch.waiters.push({ names, resolve, reject })
    })
  }

  private async flush(key: string): Promise<void> {
    const batch = this.pending.get(key)!
    this.pending.delete(key)
    const names = [...new Set(batch.waiters.flatMap(w => w.names))]
    try {
      const outputs: O[] = []
      for (let i = 0; i < names.length; i += this.o.limit)
        outputs.push(await this.o.send(this.o.withNames(batch.base, names.slice(i, i + this.o.limit))))
      const merged = this.o.merge(outputs)
      for (const w of batch.waiters) w.resolve(this.o.share(merged, w.names))
    } catch (error) {
      for (const w of batch.waiters) w.reject(error)
    }
  }
}

/** The same clients, with DescribeServices and DescribeAlarms merged across the run's concurrent callers. */
export function coalescing(clients: Clients, windowMs = COALESCE_MS): Clients {
  const ecsSend = clients.ecs.send.bind(clients.ecs) as (
    c: DescribeServicesCommand
  ) => Promise<DescribeServicesCommandOutput>
  const services = new Batcher<DescribeServicesCommandInput, DescribeServicesCommandOutput>({
    names: input => input.services,
    withNames: (base, names) => ({ ...base, services: names }),
    send: input => ecsSend(new DescribeServicesCommand(input)),
    merge: outputs => ({
      $metadata: outputs[0].$metadata,
      services: outputs.flatMap(o => o.services ?? []),
      failures: outputs.flatMap(o => o.failures ?? [])
    }),
    share: (output, names) => ({
      ...output,
      services: output.services?.filter(s => names.some(n => n === s.serviceName || n === s.serviceArn)),
      failures: output.failures?.filter(f => names.some(n => f.arn === n || f.arn?.endsWith(`/${n}`)))
    }),
    limit: 10,
    windowMs
  })
  const cwSend = clients.cloudwatch.send.bind(clients.cloudwatch) as (
    c: DescribeAlarmsCommand
  ) => Promise<DescribeAlarmsCommandOutput>
  const alarms = new Batcher<DescribeAlarmsCommandInput, DescribeAlarmsCommandOutput>({
    names: input => (input.NextToken ? undefined : input.AlarmNames),
    withNames: (base, names) => ({ ...base, AlarmNames: names, MaxRecords: 100 }),
    send: async input => {
      // One chunk of names may still come in pages: all of them, so no caller sees a NextToken of another's call.
      const pages: DescribeAlarmsCommandOutput[] = []
      let NextToken: string | undefined
      do {
        const page = await cwSend(new DescribeAlarmsCommand({ ...input, NextToken }))
        pages.push(page)
        NextToken = page.NextToken
      } while (NextToken)
      return {
        ...pages[0],
        NextToken: undefined,
        MetricAlarms: pages.flatMap(p => p.MetricAlarms ?? []),
        CompositeAlarms: pages.flatMap(p => p.CompositeAlarms ?? [])
      }
    },
    merge: outputs => ({
      $metadata: outputs[0].$metadata,
      MetricAlarms: outputs.flatMap(o => o.MetricAlarms ?? []),
      CompositeAlarms: outputs.flatMap(o => o.CompositeAlarms ?? [])
    }),
    share: (output, names) => ({
      ...output,
      MetricAlarms: output.MetricAlarms?.filter(a => names.includes(a.AlarmName ?? '')),
      CompositeAlarms: output.CompositeAlarms?.filter(a => names.includes(a.AlarmName ?? ''))
    }),
    limit: 100,
    windowMs
  })
  const ecs = Object.create(clients.ecs) as Clients['ecs']
  ecs.send = ((command: unknown, ...rest: unknown[]) =>
    (command instanceof DescribeServicesCommand && rest.length === 0 && services.run(command.input)) ||
    (clients.ecs.send as (...args: unknown[]) => unknown)(command, ...rest)) as Clients['ecs']['send']
  const cloudwatch = Object.create(clients.cloudwatch) as Clients['cloudwatch']
  cloudwatch.send = ((command: unknown, ...rest: unknown[]) =>
    (command instanceof DescribeAlarmsCommand && rest.length === 0 && alarms.run(command.input)) ||
    (clients.cloudwatch.send as (...args: unknown[]) => unknown)(
      command,
      ...rest
    )) as Clients['cloudwatch']['send']
  return { ...clients, ecs, cloudwatch }
}
