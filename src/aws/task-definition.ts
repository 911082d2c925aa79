// The `task-definition` input: a JSON file to register (with `container-image` overrides applied), or an
// existing revision (ARN or family:revision), re-registered only when overrides change its images.
// Everything is validated before the one mutating call, RegisterTaskDefinition.

import { readFile } from 'node:fs/promises'
import {
  DescribeTaskDefinitionCommand,
  RegisterTaskDefinitionCommand,
  type ECSClient,
  type RegisterTaskDefinitionRequest,
  type Tag,
  type TaskDefinition
} from '@aws-sdk/client-ecs'
import { InputError, show } from '../config/parse.js'
import { systemClock, type Clock } from '../engine/ports.js'
import type { TaskDefinitionInfo } from '../plan/revision.js'
import { TAG_PREFIX, tagValue } from '../record/record.js'
import { tagList, tagRecord } from './tags.js'

export interface ResolvedTaskDefinition {
  arn: string
  definition: TaskDefinition
  /** Whether this run registered it. */
  registered: boolean
}

const INPUT = 'task-definition'
/** What DescribeTaskDefinition reports but RegisterTaskDefinition does not accept. */
const READ_ONLY = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
  'deleteRequestedAt'
]

/** "web:43", from a task definition ARN: how people name a revision. */
export function taskDefinitionLabel(arn: string): string {
  return arn.replace(/^.*:task-definition\//, '')
}

export interface DescribedTaskDefinition {
  definition: TaskDefinition
  /** The revision's tags by key; empty unless asked for. */
  tags: Record<string, string>
}

/**
 * The one DescribeTaskDefinition: a revision by ARN, family:revision or family (the latest ACTIVE), with its
 * tags when `tags` is set. Errors (a ClientException for a revision that does not exist) reach the caller,
 * which knows whether that is an input error, a gap in a report, or a failure.
 */
export async function describeTaskDefinition(
  ecs: ECSClient,
  ref: string,
  options: { tags?: boolean } = {}
): Promise<DescribedTaskDefinition> {
  const out = await ecs.send(
    new DescribeTaskDefinitionCommand({
      taskDefinition: ref,
      ...(options.tags ? { include: ['TAGS' as const] } : {})
    })
  )
  return { definition: out.taskDefinition ?? {}, tags: tagRecord(out.tags) }
}

/** A revision for the summary's "What changed": undefined when there is none or it cannot be read. */
export async function readTaskDefinition(
  ecs: ECSClient,
  arn: string | undefined
): Promise<TaskDefinitionInfo | undefined> {
  if (!arn) return undefined
  return describeTaskDefinition(ecs, arn).then(
    out => out.definition,
    () => undefined
  )
}

/** A rollout's two revisions for the summary's "What changed", read together. */
export async function readRevisions(
  ecs: ECSClient,
  rollout: { stableTaskDefinition?: string; newTaskDefinition: string }
): Promise<{ from?: TaskDefinitionInfo; to?: TaskDefinitionInfo }> {
  const [from, to] = await Promise.all([
    readTaskDefinition(ecs, rollout.stableTaskDefinition),
    readTaskDefinition(ecs, rollout.newTaskDefinition)
  ])
  return { from, to }
}

export function isTaskDefinitionFile(ref: string): boolean {
  return /\.json$/i.test(ref)
}

/** Reads, validates and prepares a task definition file; makes no AWS call. */
export async function loadTaskDefinitionFile(
  path: string,
  images: Record<string, string>
): Promise<RegisterTaskDefinitionRequest> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new InputError(INPUT, `cannot read ${show(path)}: ${(error as Error).message}`)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new InputError(INPUT, `${show(path)} is not valid JSON: ${(error as Error).message}`)
  }
  if (!isObject(parsed)) throw new InputError(INPUT, `${show(path)} does not hold a JSON object`)
  // `aws ecs describe-task-definition` wraps the definition, with its tags beside it.
  const body = isObject(parsed.taskDefinition) ? parsed.taskDefinition : parsed
  if (typeof body.family !== 'string' || body.family === '')
    throw new InputError(INPUT, `${show(path)} has no "family"`)
  const containers = body.containerDefinitions
  if (
    !Array.isArray(containers) ||
    containers.length === 0 ||
    !containers.every(c => typeof c?.name === 'string')
  )
    throw new InputError(INPUT, `${show(path)} has no "containerDefinitions" list of named containers`)
  const tags = (body.tags ?? parsed.tags) as Tag[] | undefined
  return withImages(registrable({ ...body, tags } as TaskDefinition, tags), images)
}

/** Registers a prepared definition, tagged with the rollout that registered it. */
export async function registerTaskDefinition(
  ecs: ECSClient,
  input: RegisterTaskDefinitionRequest,
  rolloutId: string
): Promise<ResolvedTaskDefinition> {
  const key = `${TAG_PREFIX}rollout-id`
  const tags = [...(input.tags ?? []).filter(t => t.key !== key), { key, value: tagValue(rolloutId) }]
  const out = await retryConcurrentRegistration(() =>
    ecs.send(new RegisterTaskDefinitionCommand({ ...input, tags }))
  )
  const definition = out.taskDefinition ?? {}
  return { arn: definition.taskDefinitionArn ?? '', definition, registered: true }
}

/** ECS's refusal of a registration while another of the same family is under way. */
const CONCURRENT = /too many concurrent attempts/i
const REGISTER_ATTEMPTS = 8
const REGISTER_BACKOFF_MS = 250

/**
 * ECS refuses concurrent registrations of one family ("Too many concurrent attempts to create a new revision of
 * the specified family", a ClientException the SDK does not retry): jobs of other regions' waves, or of other
 * workflows, register the same family at once. Retried with full jitter (AWS Architecture Blog, "Exponential
 * Backoff And Jitter"), so the callers spread out instead of colliding again.
 */
export async function retryConcurrentRegistration<T>(
  send: () => Promise<T>,
  wait: Clock['sleep'] = systemClock.sleep,
  random = Math.random
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send()
    } catch (error) {
      if (attempt >= REGISTER_ATTEMPTS || !CONCURRENT.test((error as Error).message ?? '')) throw error
      await wait(Math.floor(random() * REGISTER_BACKOFF_MS * 2 ** attempt))
    }
  }
}

/** The input as given: a file is loaded and registered, a revision described (and re-registered for overrides). */
export async function resolveTaskDefinition(
  ecs: ECSClient,
  ref: string,
  images: Record<string, string>,
  rolloutId: string
): Promise<ResolvedTaskDefinition> {
  if (isTaskDefinitionFile(ref))
    return registerTaskDefinition(ecs, await loadTaskDefinitionFile(ref, images), rolloutId)
  let described: DescribedTaskDefinition
  try {
    described = await describeTaskDefinition(ecs, ref, { tags: true })
  } catch (error) {
    if ((error as Error).name === 'ClientException')
      throw new InputError(INPUT, `${show(ref)} was not found: ${(error as Error).message}`)
    throw error
  }
  const { definition } = described
  if (definition.status !== 'ACTIVE')
    throw new InputError(
      INPUT,
      `${show(ref)} is ${definition.status}: it was deregistered; give an ACTIVE revision or a task definition file`
    )
  const existing = { arn: definition.taskDefinitionArn ?? ref, definition, registered: false }
  const input = withImages(registrable(definition, tagList(described.tags)), images)
  const changed = input.containerDefinitions?.some(
    (c, i) => c.image !== definition.containerDefinitions?.[i]?.image
  )
  return changed ? registerTaskDefinition(ecs, input, rolloutId) : existing
}

function registrable(definition: TaskDefinition, tags: Tag[] | undefined): RegisterTaskDefinitionRequest {
  const input: Record<string, unknown> = { ...definition }
  for (const field of READ_ONLY) delete input[field]
  return { ...(input as unknown as RegisterTaskDefinitionRequest), tags: tags?.length ? tags : undefined }
}

/** Applies `container-image` overrides; naming a container the definition lacks is an input error. */
function withImages(
  input: RegisterTaskDefinitionRequest,
  images: Record<string, string>
): RegisterTaskDefinitionRequest {
  const containers = input.containerDefinitions ?? []
  const names = containers.map(c => c.name ?? '')
  const unknown = Object.keys(images).find(name => !names.includes(name))
  if (unknown !== undefined)
    throw new InputError(
      'container-image',
      `names container ${show(unknown)}, which task definition ${show(input.family ?? '')} does not have: its containers are ${names.map(show).join(', ')}`
    )
  return {
    ...input,
    containerDefinitions: containers.map(c =>
      c.name && images[c.name] ? { ...c, image: images[c.name] } : c
    )
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
