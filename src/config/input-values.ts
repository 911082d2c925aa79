// Parsers for the inputs that name AWS things: resource names, ARNs, task definitions, images and alarms.

import { InputError, parseList, show } from './parse.js'

const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/
const ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\d{12}:[^\s]+$/
const TASK_DEF_REF = /^[A-Za-z0-9_-]{1,255}:\d+$/
const CONTAINER_NAME = /^[A-Za-z0-9_-]{1,255}$/
const IMAGE = /^[^\s]{1,1024}$/
const ALARM_NAME = /^[^\u0000-\u001f\u007f]{1,255}$/

export function parseName(input: string, raw: string): string {
  if (NAME.test(raw) || ARN.test(raw)) return raw
  throw new InputError(
    input,
    `${show(raw)} is not a valid name: letters, digits, hyphens and underscores, up to 255, or an ARN`
  )
}

export function parseArn(input: string, raw: string, resource: string): string {
  if (ARN.test(raw) && raw.includes(':elasticloadbalancing:') && raw.includes(`:${resource}`)) return raw
  throw new InputError(
    input,
    `${show(raw)} is not an ELBv2 ${resource.slice(0, -1)} ARN (arn:aws:elasticloadbalancing:REGION:ACCOUNT:${resource}…)`
  )
}

/** A JSON file path, a task definition ARN, or family:revision. */
export function parseTaskDefinitionRef(raw: string): string {
  if (ARN.test(raw) && raw.includes(':task-definition/')) return raw
  if (TASK_DEF_REF.test(raw)) return raw
  if (/\.json$/i.test(raw) && !/[\u0000-\u001f]/.test(raw)) return raw
  throw new InputError(
    'task-definition',
    `${show(raw)} is not a task definition: give a JSON file path (ending in .json), an ARN or family:revision`
  )
}

/** Multi-line "container=image" overrides. */
export function parseContainerImages(raw: string): Record<string, string> {
  const images: Record<string, string> = {}
  for (const line of raw
    .split('\n')
    .map(l => l.trim())
    .filter(Boolean)) {
    const eq = line.indexOf('=')
    const name = line.slice(0, eq).trim()
    const image = line.slice(eq + 1).trim()
    if (eq <= 0 || !CONTAINER_NAME.test(name) || !IMAGE.test(image))
      throw new InputError(
        'container-image',
        `line ${show(line)} is not CONTAINER=IMAGE, e.g. web=123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.2.3`
      )
    if (images[name]) throw new InputError('container-image', `names container ${show(name)} twice`)
    images[name] = image
  }
  return images
}

export function parseAlarmNames(input: string, raw: string): string[] {
  const names = parseList(raw)
  for (const name of names) {
    if (!ALARM_NAME.test(name))
      throw new InputError(
        input,
        `${show(name)} is not an alarm name: 1 to 255 characters without control characters`
      )
  }
  const dup = names.find((n, i) => names.indexOf(n) !== i)
  if (dup) throw new InputError(input, `names alarm ${show(dup)} twice`)
  return names
}
