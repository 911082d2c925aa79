// "What next": the one or two things a person can do now, and the workflow_dispatch inputs that do them.

import { Status } from '../constants.js'
import { Html, code, safe, link, pre } from './html.js'
import type { Progress } from './progress.js'

export interface WorkflowHint {
  /** The workflow file that runs this action on workflow_dispatch, e.g. "deploy.yml". */
  workflow?: string
  /** The action's `uses:` reference, e.g. "acme/ecs-rollout@v1". */
  action?: string
}

export interface WhatNextContext {
  repository?: string
  serverUrl?: string
  workflowHint?: WorkflowHint
}

export function whatNextHtml(p: Progress, ctx: WhatNextContext): Html {
  const start = p.start
  if (!start) return new Html('')
  const stable = start.from?.label ?? 'the previous revision'
  const fresh = start.to.label
  const say = (text: Html): string => `<p>${text.html}</p>\n`
  const snippet = (command: string, ...extra: string[]): string =>
    withInputs(start.cluster, start.service, [`command: ${command}`, ...extra], ctx).html + runLink(ctx)
  const status = p.end?.status
  let body: string
  if (status === Status.Succeeded)
    body =
      say(
        safe`${fresh} is live. If it misbehaves, roll back to ${stable} from a ${code('workflow_dispatch')} run:`
      ) + snippet('rollback', 'to: previous')
  else if (status === Status.RolledBack || status === Status.Aborted)
    body = say(
      safe`${stable} serves all traffic again, so there is nothing to undo. Fix the cause above, then deploy again.`
    )
  else if (p.paused?.reason)
    body =
      say(
        safe`Look at the reason above. Promote to carry on regardless, or abort to send every task back to ${stable}:`
      ) + snippet('abort    # or: promote')
  else if (p.paused) {
    // Manual batching moves on by raising the partition: say so, with the value that finishes the rollout.
    const partition = start.plan.strategy === 'rolling' && p.paused.why === 'manual-step'
    const raise = partition ? [`partition: ${start.plan.desiredCount}    # how many tasks run ${fresh}`] : []
    body =
      say(safe`Promote to continue, or abort to send every task back to ${stable}:`) +
      snippet('promote    # or: abort', ...raise)
  } else if (status === Status.Failed)
    body =
      say(
        safe`The rollout stopped before it finished. See where it stands with ${code('command: status')}, then abort to return to ${stable} or promote to finish:`
      ) + snippet('abort    # or: status, promote')
  else if (p.rollback) body = say(safe`The rollback to ${stable} is under way; this page follows it.`)
  else
    body =
      say(safe`To stop now and roll back to ${stable}, abort; to cut the current bake short, promote:`) +
      snippet('abort    # or: promote')
  return new Html(`<h3>What next</h3>\n${body}`)
}

/** The action's inputs for a control run, as YAML to paste into a workflow_dispatch job. */
function withInputs(cluster: string, service: string, inputs: string[], ctx: WhatNextContext): Html {
  const action = ctx.workflowHint?.action
  const indent = action ? '    ' : '  '
  const lines = [
    ...(action ? [`- uses: ${action}`, '  with:'] : ['with:']),
    ...[`cluster: ${cluster}`, `service: ${service}`, ...inputs].map(l => indent + l)
  ]
  return pre(lines)
}

function runLink(ctx: WhatNextContext): string {
  const { repository, serverUrl, workflowHint } = ctx
  if (!repository || !serverUrl || !workflowHint?.workflow) return ''
  const url = `${serverUrl}/${repository}/actions/workflows/${encodeURIComponent(workflowHint.workflow)}`
  return `<p>${link(`Run ${workflowHint.workflow}`, url).html} (choose the command in the form).</p>\n`
}
