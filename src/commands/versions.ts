// The service's versions: history (newest first, with who deployed each and how it ended), diff between two
// versions, and what `rollback` rolls back to. A version's deployment facts are tags on its task definition,
// written when a rollout of it ends, so they outlive the service's own record of the latest rollout.

import * as core from '@actions/core'
import { readService, type ServiceInfo } from '../aws/service.js'
import type { Clients } from '../aws/clients.js'
import { listVersions, type Version } from '../aws/task-definition-history.js'
import { describeTaskDefinition, taskDefinitionLabel } from '../aws/task-definition.js'
import { InputError, show } from '../config/parse.js'
import type { Config } from '../config/types.js'
import type { TaskDefinitionInfo } from '../plan/revision.js'
import { Output, Status } from '../constants.js'
import { decodeRecord } from '../record/record.js'
import { escapeHtml, link, table } from '../report/html.js'
import { diffHtml, diffTaskDefinitions, diffText } from '../report/task-definition-diff.js'
import type { Outcome } from './outcome.js'

// Where rollout-session.ts looks for it.
export { recordVersion } from '../aws/task-definition-history.js'

export async function historyCommand(
  config: Config,
  deps: { clients: Pick<Clients, 'ecs'> }
): Promise<Outcome> {
  const service = await readService(deps.clients.ecs, config.cluster, config.service)
  const versions = await listVersions(deps.clients.ecs, service)
  // The version a rollout is bringing in right now has no outcome yet: the record says how far it is.
  const active = decodeRecord(service.tags)
  for (const v of versions)
    if (active?.phase === 'Active' && v.arn === active.newTaskDefinition)
      Object.assign(v, {
        outcome: `in progress (${active.stage ?? 'active'}, step ${active.step} of ${active.steps})`,
        deployedAt: active.startedAt,
        actor: active.actor,
        commit: active.commit,
        run: active.runUrl
      })
  const when = (v: Version): string =>
    v.deployedAt ? new Date(v.deployedAt).toISOString().replace('.000Z', 'Z') : ''
  core.info(`Versions of ${config.service}, newest first:`)
  for (const v of versions)
    core.info(
      `${v.current ? '*' : ' '} ${v.label.padEnd(16)} ${v.outcome ?? (v.deployedAt ? '' : 'never rolled out by ecs-rollout')}  ${when(v)}  ${v.actor ?? ''}  ${v.commit?.slice(0, 12) ?? ''}  ${v.run ?? ''}${v.status === 'INACTIVE' ? '  (INACTIVE)' : ''}`
    )
  const rows = versions.map(v => [
    `${v.label}${v.current ? ' (current)' : ''}`,
    when(v),
    v.actor ?? '',
    v.commit?.slice(0, 12) ?? '',
    v.run ? link('run', v.run) : '',
    v.outcome ?? '',
    v.status
  ])
  return {
    status: Status.Succeeded,
    outputs: { [Output.TaskDefinitionArn]: service.taskDefinition ?? '' },
    summary: `<h2>Versions of ${escapeHtml(config.service)}</h2>\n${table(['Version', 'Deployed', 'By', 'Commit', 'Run', 'Outcome', 'Status'], rows).html}`
  }
}

/** previous | REVISION_NUMBER | family:revision | ARN → a task definition ARN, refusing what cannot run. */
export async function resolveVersion(
  ecs: Clients['ecs'],
  service: ServiceInfo,
  input: string,
  ref: string,
  options: { inactive?: 'refuse' | 'allow' } = {}
): Promise<TaskDefinitionInfo> {
  let target = ref
  if (ref === 'previous') {
    const record = decodeRecord(service.tags)
    const versions = await listVersions(ecs, service)
    const earlier = versions.find(v => !v.current && v.outcome === 'succeeded' && v.status === 'ACTIVE')
    target =
      (record?.phase === 'Completed' && record.outcome === 'succeeded'
        ? record.stableTaskDefinition
        : undefined) ??
      earlier?.arn ??
      ''
    if (!target)
      throw new InputError(
        input,
        `"previous": ${service.arn ? 'no earlier version of this service was rolled out successfully' : 'the service has no history'}`
      )
  } else if (/^\d+$/.test(ref)) {
    if (!service.taskDefinition)
      throw new InputError(input, `${show(ref)}: the service has no task definition to take the family from`)
    target = `${taskDefinitionLabel(service.taskDefinition).split(':')[0]}:${ref}`
  }
  let definition: TaskDefinitionInfo
  try {
    definition = (await describeTaskDefinition(ecs, target)).definition
  } catch (error) {
    throw new InputError(
      input,
      `${show(ref)} names no task definition that exists (${(error as Error).message})`
    )
  }
  if (definition.status !== 'ACTIVE' && options.inactive !== 'allow')
    throw new InputError(
      input,
      `${show(ref)} is ${taskDefinitionLabel(definition.taskDefinitionArn ?? target)}, which is ${definition.status}: an INACTIVE task definition cannot start new tasks; register it again and deploy that`
    )
  return definition
}

export async function diffCommand(config: Config, deps: { clients: Pick<Clients, 'ecs'> }): Promise<Outcome> {
  const service = await readService(deps.clients.ecs, config.cluster, config.service)
  // During a rollout the two versions it moves between; otherwise the previous one and the current one.
  const active = decodeRecord(service.tags)
  const rolling = active?.phase === 'Active' ? active : undefined
  const allow = { inactive: 'allow' } as const
  const fromRef = config.toCompare ?? rolling?.stableTaskDefinition ?? 'previous'
  const toRef = config.to ?? rolling?.newTaskDefinition ?? service.taskDefinition ?? ''
  const from = await resolveVersion(deps.clients.ecs, service, 'from', fromRef, allow)
  const to = await resolveVersion(deps.clients.ecs, service, 'to', toRef, allow)
  const changes = diffTaskDefinitions(from, to, { showEnvValues: config.showEnvValues })
  const title = `${taskDefinitionLabel(from.taskDefinitionArn ?? '')} → ${taskDefinitionLabel(to.taskDefinitionArn ?? '')}`
  core.info(`What changed, ${title}:`)
  for (const line of diffText(changes)) core.info(`  ${line}`)
  if (changes.length === 0)
    core.info('  nothing in images, environment, secrets, cpu, memory, ports or roles')
  return {
    status: Status.Succeeded,
    outputs: {
      [Output.TaskDefinitionArn]: to.taskDefinitionArn ?? '',
      [Output.PreviousTaskDefinitionArn]: from.taskDefinitionArn ?? ''
    },
    summary: `<h2>What changed: ${escapeHtml(title)}</h2>\n${diffHtml(changes).html}`
  }
}
