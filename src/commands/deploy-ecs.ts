// deploy on a service with the ECS deployment controller. ECS carries the deployment out: rolling and
// all-at-once are one UpdateService within maximumPercent/minimumHealthyPercent (from max-surge and
// max-unavailable); linear, canary and blue-green are ECS's native strategies (deploymentConfiguration.strategy),
// which need the load balancer's advanced configuration. The follower (engine/follow.ts, run by ecs-session.ts)
// then follows the deployment under the same gates, hooks, events, job summary and outputs as a task-set rollout.
// What the deploy pipeline needs from this controller: the inputs and the load balancer checked, ECS's plan, no
// deployment of someone else's under way, and the follower started.

import { describeService } from '../aws/service.js'
import { serviceDeploymentUnderWay } from '../aws/service-deployments.js'
import { readTaskDefinition, taskDefinitionLabel } from '../aws/task-definition.js'
import { checkEcsControllerInputs } from '../config/controller-inputs.js'
import { InputError } from '../config/parse.js'
import type { Config } from '../config/types.js'
import { describeError } from '../errors.js'
import { deploymentConfigurationFor } from '../plan/ecs-deployment-configuration.js'
import { ecsControllerPlan, nativeName } from '../plan/ecs-plan.js'
import { OWNED_FIELDS, serviceSettings, sharedPauseStage, type LifecycleHook } from '../plan/hold-hook.js'
import { decodeSettings, encodeSettings } from '../plan/kept-settings.js'
import type { Plan } from '../plan/types.js'
import { decodeRecord, type RolloutRecord } from '../record/record.js'
import { orphanMode, ownerOf } from './rollout-owner.js'
import { DeployPipeline, type NewRollout } from './deploy-pipeline.js'
import { carryOnEcsController, followRollout } from './ecs-session.js'
import type { Outcome } from './outcome.js'

// The control commands carry an ECS-controller rollout on from here.
export { carryOnEcsController }

type EcsService = Awaited<ReturnType<typeof describeService>>

const NATIVE = { linear: 'LINEAR', canary: 'CANARY', 'blue-green': 'BLUE_GREEN' } as const

export class EcsControllerDeploy extends DeployPipeline {
  protected readonly remedies = {
    live: 'promote or abort it (a rolling one: abort it)',
    orphan:
      "resume or promote it (with new bakes or pause steps, if you like), abort it, or set takeover: true to let this run's deployment replace it"
  }
  /** The service as ECS describes it: its load balancers, deployments and deployment configuration. */
  private described?: EcsService
  /** A native rollout: the service's own settings it overwrites, for the record (plan/kept-settings.ts). */
  private settings?: string

  private get native(): boolean {
    return nativeName(this.config.plan.strategy) !== undefined
  }

  protected async checkSetup(): Promise<void> {
    const { config, deps } = this
    checkEcsControllerInputs(config)
    this.described = await describeService(deps.clients.ecs, config.cluster, config.service)
    if (this.native) this.settings = checkNativeSetup(config, this.described, this.recorded)
  }

  /** The record on the service, if it has one (a rollout in flight may have left the action's hook there). */
  private get recorded(): RolloutRecord | undefined {
    return decodeRecord(this.service.tags)
  }

  protected planFor(desired: number): Plan {
    return ecsControllerPlan(this.config.plan, desired)
  }

  protected async checkBeforeChange(inFlight: RolloutRecord | undefined): Promise<void> {
    // A rollout in flight got this far only to be taken over: its deployment is the one under way.
    if (!this.config.takeover && !inFlight) await this.checkNothingUnderWay()
  }

  /**
   * takeover: true replaces an orphaned deployment with this run's. A re-run of the job that left it applies
   * on-orphan instead, as on task sets: it follows the deployment to its end, or has ECS roll it back, first.
   */
  protected async settle(
    inFlight: RolloutRecord | undefined,
    reRun: boolean
  ): Promise<{ stop: Outcome } | { stable?: string }> {
    // Taken over by a deploy of the rollout's own revision, ECS would start no deployment to replace it (the service
    // names that revision already): this run carries it on as a re-run does (on-orphan). Of another revision, the
    // rollout's stable one is what this run's deployment replaces.
    const same = inFlight?.newTaskDefinition === this.config.taskDefinition
    if (!inFlight || (!reRun && !same))
      return { stable: inFlight?.stableTaskDefinition ?? this.service.taskDefinition ?? '' }
    const rollback = orphanMode(inFlight, this.config.onOrphan) === 'rollback'
    const settled = await carryOnEcsController(this.config, this.deps, this.service, inFlight, {
      plan: inFlight.plan,
      rollback: rollback ? { kind: 'orphan', owner: ownerOf(inFlight) } : undefined
    })
    return this.afterOrphan(settled, inFlight)
  }

  protected async roll({ record, plan, gates, to, inFlight }: NewRollout): Promise<Outcome> {
    const from = await readTaskDefinition(this.deps.clients.ecs, record.stableTaskDefinition)
    const recorded = decodeSettings(this.recorded?.settings)
    return followRollout({
      config: this.config,
      deps: this.deps,
      record: { ...record, settings: this.settings },
      plan,
      serviceArn: this.service.arn,
      gates,
      loadBalancers: this.service.loadBalancers,
      from,
      to,
      deploymentConfiguration: deploymentConfigurationFor(this.config, this.described ?? {}, recorded),
      native: this.native,
      inFlight
    })
  }

  /** ECS replaces a deployment under way with a new one: refuse rather than cut someone else's deployment short. */
  private async checkNothingUnderWay(): Promise<void> {
    const { config, deps } = this
    const busy = (this.described?.deployments ?? []).find(d => d.rolloutState === 'IN_PROGRESS')
    if (busy)
      throw new Error(
        `an ECS deployment (${busy.id}, ${taskDefinitionLabel(busy.taskDefinition ?? '')}) is in progress on ${config.service}: wait for it to finish, or set takeover: true to replace it`
      )
    if (!this.native) return
    let under
    try {
      under = await serviceDeploymentUnderWay(deps.clients.ecs, config.cluster, config.service)
    } catch (error) {
      throw new Error(
        `strategy: ${config.plan.strategy.name} is followed through ECS's service-deployment APIs, and ListServiceDeployments failed (${describeError(error)}): allow ecs:ListServiceDeployments, ecs:DescribeServiceDeployments and ecs:StopServiceDeployment, or use strategy: rolling`,
        { cause: error }
      )
    }
    if (under)
      throw new Error(
        `a service deployment (${under.arn}, ${under.status}) is under way on ${config.service}: wait for it to finish, or set takeover: true to replace it`
      )
  }
}

/**
 * A native strategy needs the load balancer's advanced configuration (say exactly what is missing), no pause hook
 * of the service's own where the action holds, and the service's own settings kept in a tag: their encoding.
 */
function checkNativeSetup(config: Config, service: EcsService, recorded: RolloutRecord | undefined): string {
  // checkEcsControllerInputs has refused plans ECS cannot run natively (a custom plan runs as linear or canary).
  const strategy = nativeName(config.plan.strategy) as keyof typeof NATIVE
  const lbs = service.loadBalancers ?? []
  const advanced = lbs.find(lb => lb.advancedConfiguration)?.advancedConfiguration
  const fields = ['alternateTargetGroupArn', 'productionListenerRule', 'roleArn'] as const
  const missing = advanced ? fields.filter(f => !advanced[f]) : [...fields]
  const hooks = service.deploymentConfiguration?.lifecycleHooks as LifecycleHook[] | undefined
  // A rollout in flight (its run gone) may have left the action's hook, which ECS may show without its marker.
  const leftOver = recorded?.phase === 'Active' && recorded.settings !== undefined
  const shared = sharedPauseStage(hooks, strategy, leftOver)
  if (shared)
    throw new Error(
      `service ${config.service} has a pause lifecycle hook of its own at ${shared}, where the action holds each step with its own pause hook, and ECS does not say which configured hook a held deployment waits at: move your hook to another stage (PRE_SCALE_UP, POST_SCALE_UP), or use ContinueServiceDeployment yourself with strategy: rolling`
    )
  const own = serviceSettings(service.deploymentConfiguration, decodeSettings(recorded?.settings))
  const settings = encodeSettings(own.values ?? {})
  if (settings === undefined)
    throw new Error(
      `service ${config.service}'s deploymentConfiguration values that ${strategy} overwrites (${OWNED_FIELDS.join(', ')}: ${JSON.stringify(own.values)}) do not fit in one ECS tag value (at most 256 letters, digits and + - = . _ : / @), where the rollout record keeps them to put them back: use strategy: rolling, or simplify them`
    )
  if (lbs.length > 0 && missing.length === 0) return settings
  const has =
    lbs.length === 0
      ? `service ${config.service} has no load balancer`
      : advanced
        ? `the advancedConfiguration of service ${config.service}'s load balancer lacks ${missing.join(', ')}`
        : `service ${config.service}'s load balancer (target group ${lbs[0].targetGroupArn ?? lbs[0].loadBalancerName}) has no advancedConfiguration`
  throw new InputError(
    'strategy',
    `${strategy} on an ECS-controller service is ECS's native ${NATIVE[strategy]} deployment, which needs the service's load balancer to have an advancedConfiguration with alternateTargetGroupArn (a second target group for the new revision), productionListenerRule (the listener rule, or an NLB's listener, that forwards production traffic to both target groups) and roleArn (a role that lets ECS change them); ${has}. Add it with UpdateService loadBalancers[].advancedConfiguration (or in your infrastructure code), or use strategy: rolling`
  )
}
