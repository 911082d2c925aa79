// The inputs of several services in one step and across jobs: services, waves, max-parallel, wave-bake-time,
// on-wave-failure and min-bake-time (wave-gate), and the deploy windows. Read here, as inputs.ts reads the rest,
// so every invalid one is reported with all the others before anything changes.

import {
  parseDeployWindows,
  parseFreezes,
  parseOnOutsideWindow,
  type WindowConfig
} from './deploy-window-inputs.js'
import type { InputName } from './input-defaults.js'
import { parseName } from './input-values.js'
import {
  InputError,
  parseCount,
  parseDuration,
  parseEnum,
  parseList,
  parseQuantity,
  show,
  type Quantity
} from './parse.js'
import type { InputProblems } from './problems.js'
import type { Command } from './commands.js'

/** One service of `services`: its region only when an ARN named one. */
export interface ServiceRef {
  /** As the user wrote it. */
  text: string
  region?: string
  cluster: string
  service: string
}

/** Growing sizes (each the total so far) or explicit groups, as indexes into `services`. */
export type WaveSpec = { kind: 'sizes'; sizes: Quantity[] } | { kind: 'groups'; groups: number[][] }

export const ON_WAVE_FAILURE = ['finish', 'rollback'] as const

export interface WaveConfig {
  /** Empty: the run acts on `service` alone. */
  services: ServiceRef[]
  maxParallel?: number
  waves: WaveSpec
  bakeMs: number
  onFailure: (typeof ON_WAVE_FAILURE)[number]
  /** wave-gate: the least time since each service's rollout succeeded. */
  minBakeMs: number
}

/** The commands that take `services`. */
export const SERVICES_COMMANDS: Command[] = [
  'deploy',
  'status',
  'pause',
  'resume',
  'promote',
  'abort',
  'wave-gate'
]

const SERVICE_ARN = /^arn:aws[\w-]*:ecs:([a-z0-9-]+):\d{12}:service\/([^/]+)\/([^/]+)$/
const DAY = 86_400_000

export function parseServiceRef(text: string, cluster: string): ServiceRef {
  const arn = SERVICE_ARN.exec(text)
  if (arn) return { text, region: arn[1], cluster: arn[2], service: arn[3] }
  if (text.startsWith('arn:'))
    throw new InputError(
      'services',
      `${show(text)} is not a service ARN of the form arn:aws:ecs:REGION:ACCOUNT:service/CLUSTER/NAME`
    )
  const parts = text.split('/')
  if (parts.length > 2)
    throw new InputError('services', `${show(text)} is not NAME, CLUSTER/NAME or a service ARN`)
  const [c, s] = parts.length === 2 ? parts : [cluster, parts[0]]
  return { text, cluster: parseName('services', c), service: parseName('services', s) }
}

/** Where a service is, for messages and the JSON output: "eu-west-1/prod/web", "prod/web". */
export function serviceLabel(ref: Pick<ServiceRef, 'region' | 'cluster' | 'service'>): string {
  return [ref.region, ref.cluster, ref.service].filter(Boolean).join('/')
}

function parseServices(raw: string, cluster: string): ServiceRef[] {
  const refs = parseList(raw).map(text => parseServiceRef(text, cluster))
  const labels = refs.map(serviceLabel)
  const twice = labels.find((l, i) => labels.indexOf(l) !== i)
  if (twice) throw new InputError('services', `names ${show(twice)} twice`)
  return refs
}

/** "1, 25%, 100%" → sizes; otherwise one group per line, each naming services as `services` does. */
export function parseWaves(raw: string, services: ServiceRef[]): WaveSpec {
  if (raw === '') return { kind: 'sizes', sizes: [{ kind: 'percent', value: 100 }] }
  const items = parseList(raw)
  if (items.every(i => /^\d+(\.\d+)?%?$/.test(i)))
    return { kind: 'sizes', sizes: items.map(i => parseQuantity('waves', i, { allowZero: false })) }
  const seen = new Map<number, number>()
  const groups = raw
    .split('\n')
    .map(line => parseList(line))
    .filter(line => line.length > 0)
    .map((line, wave) =>
      line.map(name => {
        const index = services.findIndex(s => [s.text, s.service, `${s.cluster}/${s.service}`].includes(name))
        if (index < 0)
          throw new InputError(
            'waves',
            `names ${show(name)}, which is not in services: write sizes ("1, 25%, 100%") or one group of services per line`
          )
        if (seen.has(index))
          throw new InputError('waves', `puts ${show(name)} in waves ${seen.get(index)! + 1} and ${wave + 1}`)
        seen.set(index, wave)
        return index
      })
    )
  const missing = services.filter((_, i) => !seen.has(i))
  if (missing.length)
    throw new InputError(
      'waves',
      `leaves out ${missing.map(s => show(s.text)).join(', ')}: put every service in a wave`
    )
  return { kind: 'groups', groups }
}

export function readWaveConfig(
  raw: Record<InputName, string>,
  command: Command,
  problems: InputProblems
): WaveConfig {
  const a = problems.attempt.bind(problems)
  const services = raw.services === '' ? [] : a(() => parseServices(raw.services, raw.cluster), [])
  if (services.length > 0 && raw.service !== '')
    a(() => {
      throw new InputError('services', 'and service both name what to act on: keep one of them')
    }, undefined)
  if (raw.services !== '' && !SERVICES_COMMANDS.includes(command))
    a(() => {
      throw new InputError('services', `is not taken by command: ${command}: give service instead`)
    }, undefined)
  return {
    services,
    maxParallel:
      raw['max-parallel'] === ''
        ? undefined
        : a(() => parseCount('max-parallel', raw['max-parallel'], 1, 100), undefined),
    waves: a(() => parseWaves(raw.waves, services), { kind: 'sizes', sizes: [] }),
    bakeMs: a(() => parseDuration('wave-bake-time', raw['wave-bake-time'], { max: DAY }), 0),
    onFailure: a(() => parseEnum('on-wave-failure', raw['on-wave-failure'], ON_WAVE_FAILURE), 'finish'),
    minBakeMs: a(() => parseDuration('min-bake-time', raw['min-bake-time'], { max: 30 * DAY }), 0)
  }
}

export function readWindowConfig(raw: Record<InputName, string>, problems: InputProblems): WindowConfig {
  const a = problems.attempt.bind(problems)
  return {
    windows: a(() => parseDeployWindows(raw['deploy-window']), []),
    freezes: a(() => parseFreezes(raw.freeze), []),
    onOutside: a(() => parseOnOutsideWindow(raw['on-outside-window']), 'fail')
  }
}
