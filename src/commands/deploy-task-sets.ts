// deploy on a service with the EXTERNAL deployment controller: the action runs the rollout itself, task set by
// task set (engine/reconciler.ts). What the deploy pipeline needs from this controller: the route checked by
// weights, an orphaned rollout settled first, and a first deploy at full size.

import { ListenerWeights } from '../aws/listener-weights.js'
import { readTaskDefinition } from '../aws/task-definition.js'
import { show, InputError } from '../config/parse.js'
import { buildPlan } from '../plan/planner.js'
import type { Plan } from '../plan/types.js'
import type { RolloutRecord } from '../record/record.js'
import { DeployPipeline, type NewRollout } from './deploy-pipeline.js'
import type { Outcome } from './outcome.js'
import { handleOrphan } from './ownership.js'
import { runRollout } from './rollout-session.js'
import { saveForPostStep } from './run-engine.js'
import { portsFor } from './task-set-ports.js'

export class TaskSetDeploy extends DeployPipeline {
  protected readonly remedies = {
    live: 'promote, resume or abort it',
    orphan: `resume, promote or abort it, or set takeover: true to let this run finish it (on-orphan: ${this.config.onOrphan}) first`
  }

  protected async checkSetup(): Promise<void> {}

  protected planFor(desired: number): Plan {
    return buildPlan(this.config.plan, desired)
  }

  protected async checkBeforeChange(inFlight: RolloutRecord | undefined): Promise<void> {
    if (!inFlight) await this.checkRoute()
  }

  /** An orphaned rollout is finished or rolled back first (on-orphan); then this run's own rollout starts. */
  protected async settle(
    inFlight: RolloutRecord | undefined
  ): Promise<{ stop: Outcome } | { stable?: string }> {
    if (inFlight) {
      return this.afterOrphan(await handleOrphan(this.config, this.deps, this.service, inFlight), inFlight)
    }
    return { stable: this.service.taskDefinition }
  }

  protected async roll({ record, to }: NewRollout): Promise<Outcome> {
    const { config, deps } = this
    const ports = await portsFor(config, deps.clients, this.service, record)
    saveForPostStep(config, record.id)
    await ports.records.save(record)
    await ports.fleet.ensureNew()
    // A service that never had a task set gets its first one at full size: there is nothing to protect yet.
    const firstDeploy = !this.service.taskDefinition
    return runRollout({
      config,
      deps,
      record,
      ports,
      state: {
        mode: 'forward',
        step: 1,
        phase: 'moving',
        stepStartedAt: deps.clock.now(),
        trafficPercent: 0,
        promoted: false
      },
      from: await readTaskDefinition(deps.clients.ecs, record.stableTaskDefinition),
      to,
      ungated: firstDeploy,
      plan: firstDeploy ? { ...config.plan, strategy: { name: 'all-at-once' }, bakeMs: 0 } : undefined
    })
  }

  /**
   * With traffic by weights, the route and its two target groups are read before anything changes: a route that
   * does not exist, or forwards to neither target group, fails the step naming the input.
   */
  private async checkRoute(): Promise<void> {
    const { config, deps } = this
    if (config.plan.traffic !== 'weights') return
    const input = config.listenerRuleArn ? 'listener-rule-arn' : 'listener-arn'
    const route = new ListenerWeights({
      elb: deps.clients.elb,
      listenerArn: config.listenerArn,
      listenerRuleArn: config.listenerRuleArn,
      targetGroups: config.targetGroups
    })
    try {
      await route.stableTargetGroup()
    } catch (error) {
      const { name, message } = error as Error
      if (/NotFound/.test(name))
        throw new InputError(
          input,
          `${show(config.listenerRuleArn ?? config.listenerArn ?? '')} was not found (${name})`
        )
      if (name === 'Error') throw new InputError('target-groups', message)
      throw error
    }
  }
}
