// What changed between two task definitions, as a person reviewing a deploy wants it: images, environment
// variable names, secret names, cpu and memory, ports and roles. Values of secrets are never read (only
// their names), and environment values are masked unless asked for and not secret-looking by name.

import type { ContainerInfo, PortMappingInfo, TaskDefinitionInfo } from '../plan/revision.js'
import { Html, table } from './html.js'
import { andMore, oneLine } from './text.js'

export const MASK = '•••'
const SECRET_NAME = /secret|token|password|key|credential/i
/** A value longer than this is cut in the rendering: a diff is read, not copied from. */
const VALUE_WIDTH = 200

export interface TaskDefinitionChange {
  /** 'task' for the task's own fields, or the container's name. */
  where: string
  what:
    | 'container'
    | 'image'
    | 'cpu'
    | 'memory'
    | 'memory reservation'
    | 'ports'
    | 'environment'
    | 'secret'
    | 'task role'
    | 'execution role'
  /** The environment variable's or secret's name. */
  name?: string
  change: 'added' | 'removed' | 'changed'
  /** Absent when added, or when the value is not shown (secrets, masked values of added or removed ones). */
  before?: string
  after?: string
}

export interface DiffOptions {
  /** Show environment values, except for names that look secret. */
  showEnvValues: boolean
}

export function diffTaskDefinitions(
  a: TaskDefinitionInfo,
  b: TaskDefinitionInfo,
  options: DiffOptions
): TaskDefinitionChange[] {
  const changes: TaskDefinitionChange[] = []
  const push = (where: string, what: TaskDefinitionChange['what'], x?: string, y?: string): void => {
    const change = compare(x, y)
    if (change) changes.push({ where, what, change, before: x, after: y })
  }
  push('task', 'cpu', a.cpu, b.cpu)
  push('task', 'memory', a.memory, b.memory)
  push('task', 'task role', a.taskRoleArn, b.taskRoleArn)
  push('task', 'execution role', a.executionRoleArn, b.executionRoleArn)

  const before = byName(a.containerDefinitions ?? [])
  const after = byName(b.containerDefinitions ?? [])
  for (const [name, y] of after) {
    const x = before.get(name)
    if (!x) {
      changes.push({ where: name, what: 'container', change: 'added', after: y.image })
      continue
    }
    push(name, 'image', x.image, y.image)
    push(name, 'cpu', num(x.cpu), num(y.cpu))
    push(name, 'memory', num(x.memory), num(y.memory))
    push(name, 'memory reservation', num(x.memoryReservation), num(y.memoryReservation))
    push(name, 'ports', ports(x.portMappings), ports(y.portMappings))
    changes.push(...environmentChanges(name, x, y, options), ...secretChanges(name, x, y))
  }
  for (const [name, x] of before)
    if (!after.has(name)) changes.push({ where: name, what: 'container', change: 'removed', before: x.image })
  return changes
}

function compare(x?: string, y?: string): TaskDefinitionChange['change'] | undefined {
  if (x === y) return undefined
  if (x === undefined) return 'added'
  return y === undefined ? 'removed' : 'changed'
}

function byName(containers: ContainerInfo[]): Map<string, ContainerInfo> {
  return new Map(containers.map((c, i) => [c.name ?? `#${i + 1}`, c]))
}

const num = (n?: number): string | undefined => (n === undefined ? undefined : String(n))

/** "80/tcp, 9090:9091/udp" (host port only when it differs), sorted so that order does not count. */
function ports(mappings?: PortMappingInfo[]): string | undefined {
  if (!mappings?.length) return undefined
  return mappings
    .map(p => {
      const port = p.containerPort ?? p.containerPortRange ?? '?'
      const host = p.hostPort !== undefined && p.hostPort !== p.containerPort ? `:${p.hostPort}` : ''
      return `${port}${host}/${p.protocol ?? 'tcp'}`
    })
    .sort()
    .join(', ')
}

function environmentChanges(
  where: string,
  x: ContainerInfo,
  y: ContainerInfo,
  { showEnvValues }: DiffOptions
): TaskDefinitionChange[] {
  const toMap = (c: ContainerInfo): Map<string, string> =>
    new Map((c.environment ?? []).map(kv => [kv.name ?? '', kv.value ?? '']))
  return keyedChanges(toMap(x), toMap(y), (name, change, before, after) => {
    const show = showEnvValues && !SECRET_NAME.test(name)
    // A masked value is still worth a placeholder when it changed: "it changed" is the news.
    const shown = (v: string | undefined): string | undefined =>
      v === undefined ? undefined : show ? v : change === 'changed' ? MASK : undefined
    return { where, what: 'environment', name, change, before: shown(before), after: shown(after) }
  })
}

/** Secrets by name: valueFrom says where the value lives, and even that is not shown. */
function secretChanges(where: string, x: ContainerInfo, y: ContainerInfo): TaskDefinitionChange[] {
  const toMap = (c: ContainerInfo): Map<string, string> =>
    new Map((c.secrets ?? []).map(s => [s.name ?? '', s.valueFrom ?? '']))
  return keyedChanges(toMap(x), toMap(y), (name, change) => ({
    where,
    what: 'secret',
    name,
    change,
    ...(change === 'changed' ? { before: MASK, after: MASK } : {})
  }))
}

function keyedChanges(
  a: Map<string, string>,
  b: Map<string, string>,
  make: (name: string, change: TaskDefinitionChange['change'], x?: string, y?: string) => TaskDefinitionChange
): TaskDefinitionChange[] {
  const names = [...new Set([...a.keys(), ...b.keys()])].sort()
  return names.flatMap(name => {
    const change = compare(a.get(name), b.get(name))
    return change ? [make(name, change, a.get(name), b.get(name))] : []
  })
}

/** "image" or "environment LOG_LEVEL". */
function subject(c: TaskDefinitionChange): string {
  return c.name === undefined ? c.what : `${c.what} ${oneLine(c.name, VALUE_WIDTH)}`
}

const value = (v: string): string => oneLine(v, VALUE_WIDTH)

/** One line per change, for the log: "web: image nginx:1.25 → nginx:1.27". */
export function diffText(changes: TaskDefinitionChange[]): string[] {
  return changes.map(c => {
    const head = `${oneLine(c.where, VALUE_WIDTH)}: ${subject(c)}`
    if (c.change === 'changed') return `${head} ${value(c.before ?? '')} → ${value(c.after ?? '')}`
    const shown = c.change === 'added' ? c.after : c.before
    return `${head} ${c.change}${shown === undefined ? '' : ` (${value(shown)})`}`
  })
}

/** A table for the summary, cut at `max` rows so that a huge task definition cannot crowd out the rest. */
export function diffHtml(changes: TaskDefinitionChange[], max = 100): Html {
  if (changes.length === 0)
    return new Html('<p>No change in images, environment, secrets, cpu, memory, ports or roles.</p>\n')
  const rows = changes
    .slice(0, max)
    .map(c => [
      c.where,
      subject(c),
      c.change,
      c.before === undefined ? '' : value(c.before),
      c.after === undefined ? '' : value(c.after)
    ])
  const more = changes.length > max ? `<p>${andMore(changes.length - max, 'changes')}</p>\n` : ''
  return new Html(table(['Where', 'What', 'Change', 'Before', 'After'], rows).html + more)
}
