// command: plan — prints the plan and changes nothing. With desired-count it needs no AWS access at all.

import * as core from '@actions/core'
import type { Config } from '../config/types.js'
import { Status } from '../constants.js'
import { buildPlan } from '../plan/planner.js'
import { planFacts, planHtml, planText } from '../report/plan-view.js'
import { escapeHtml } from '../report/html.js'
import type { Outcome } from './outcome.js'

export async function planCommand(config: Config, desiredCount: () => Promise<number>): Promise<Outcome> {
  const desired = config.desiredCount ?? (await desiredCount())
  const plan = buildPlan(config.plan, desired)
  const where = config.service ? ` for ${config.cluster}/${config.service}` : ''
  core.info(`Plan${where}:\n${planText(plan)}`)
  for (const fact of planFacts(plan)) core.info(fact)
  const summary =
    `<h2>📋 Rollout plan${escapeHtml(where)}</h2>\n` +
    `<p>Nothing was changed: this is what <code>command: deploy</code> would do.</p>\n${planHtml(plan).html}`
  return { status: Status.Planned, summary, outputs: {} }
}
