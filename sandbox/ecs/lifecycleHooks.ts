// Deployment lifecycle hooks on the API side: `deploymentConfiguration.lifecycleHooks` checked as ECS checks them,
// and ContinueServiceDeployment. The hooks run in sim/hooks.ts; docs/ecs-pause-hooks-facts.md says what is
// verified and what the sandbox assumes.

import type {
  ContinueServiceDeploymentRequest,
  ContinueServiceDeploymentResponse,
  DeploymentLifecycleHook,
  DeploymentLifecycleHookStage
} from '@aws-sdk/client-ecs'
import { ecsErrors } from '../core/errors.js'
import { list, requireString } from '../core/validate.js'
import type { Ctx } from '../core/world.js'
import { resolveHook } from '../sim/hooks.js'
import { abortServiceDeployment, canRollBack, rollBackServiceDeployment } from '../sim/stopDeployment.js'
import { findServiceDeployment, notFound, serviceDeploymentStatus } from './serviceDeployments.js'

const STAGES: DeploymentLifecycleHookStage[] = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRE_PRODUCTION_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT'
]
/** "PAUSE hooks cannot be configured at TEST_TRAFFIC_SHIFT or PRODUCTION_TRAFFIC_SHIFT stages." */
const LAMBDA_ONLY: DeploymentLifecycleHookStage[] = ['TEST_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT']
const ACTIONS = ['CONTINUE', 'ROLLBACK']
const MAX_TIMEOUT_MINUTES = 20160

/** CreateService/UpdateService: each hook as the ECS API reference describes it. */
export function checkLifecycleHooks(hooks: DeploymentLifecycleHook[] | undefined): void {
  for (const [i, hook] of list(hooks).entries()) {
    const at = `lifecycleHooks[${i}]`
    const type = hook?.targetType ?? 'AWS_LAMBDA'
    if (type !== 'AWS_LAMBDA' && type !== 'PAUSE')
      throw ecsErrors.invalidParameter(`${at}.targetType must be AWS_LAMBDA or PAUSE, not ${String(type)}.`)
    const stages = list(hook.lifecycleStages)
    if (stages.length === 0) throw ecsErrors.invalidParameter(`${at}.lifecycleStages must not be empty.`)
    for (const stage of stages) {
      if (!STAGES.includes(stage))
        throw ecsErrors.invalidParameter(`${at}.lifecycleStages: ${String(stage)} is not a lifecycle stage.`)
      if (type === 'PAUSE' && LAMBDA_ONLY.includes(stage))
        throw ecsErrors.invalidParameter(
          `${at}: PAUSE hooks cannot be configured at the ${stage} stage; it is valid for AWS_LAMBDA hooks only.`
        )
    }
    if (type === 'AWS_LAMBDA' && !hook.hookTargetArn)
      throw ecsErrors.invalidParameter(`${at}.hookTargetArn is required for an AWS_LAMBDA hook.`)
    const timeout = hook.timeoutConfiguration
    const minutes = timeout?.timeoutInMinutes
    if (
      minutes !== undefined &&
      !(Number.isInteger(minutes) && minutes >= 1 && minutes <= MAX_TIMEOUT_MINUTES)
    )
      throw ecsErrors.invalidParameter(
        `${at}.timeoutConfiguration.timeoutInMinutes must be a whole number of minutes from 1 to ${MAX_TIMEOUT_MINUTES}.`
      )
    if (timeout?.action !== undefined && !ACTIONS.includes(timeout.action))
      throw ecsErrors.invalidParameter(`${at}.timeoutConfiguration.action must be CONTINUE or ROLLBACK.`)
  }
}

/**
 * Releases a pause hook AWAITING_ACTION: CONTINUE moves the deployment on at its next step, ROLLBACK rolls it
 * back now. The hook must exist in that deployment, await action, and the deployment be IN_PROGRESS.
 */
export function continueServiceDeployment(
  ctx: Ctx,
  input: ContinueServiceDeploymentRequest
): ContinueServiceDeploymentResponse {
  const arn = requireString(input.serviceDeploymentArn, 'serviceDeploymentArn', ecsErrors.missing)
  const hookId = requireString(input.hookId, 'hookId', ecsErrors.missing)
  const action = input.action ?? 'CONTINUE'
  if (!ACTIONS.includes(action))
    throw ecsErrors.invalidParameter(
      `Invalid action: ${String(action)}. Valid values are CONTINUE and ROLLBACK.`
    )
  const found = findServiceDeployment(ctx.world, arn)
  if (!found) throw notFound(arn)
  const { service, deployment } = found
  const run = deployment.hookRuns?.find(r => r.hookId === hookId)
  if (!run)
    throw ecsErrors.invalidParameter(
      `The lifecycle hook ${hookId} does not exist in service deployment ${arn}.`
    )
  const status = serviceDeploymentStatus(service, deployment)
  if (status !== 'IN_PROGRESS')
    throw ecsErrors.client(
      `The service deployment ${arn} is ${status}: only a deployment IN_PROGRESS can be continued.`
    )
  if (run.status !== 'AWAITING_ACTION')
    throw ecsErrors.client(
      `The lifecycle hook ${hookId} is ${run.status}: only a hook AWAITING_ACTION can be acted on.`
    )
  resolveHook(ctx.world, service, deployment, run, action, ctx.now)
  if (action === 'ROLLBACK') {
    const reason = `Service deployment rolled back by a ContinueServiceDeployment request at lifecycle hook ${hookId} (${run.stage}).`
    if (canRollBack(service, deployment))
      rollBackServiceDeployment(ctx.world, service, deployment, ctx.now, reason)
    else abortServiceDeployment(ctx.world, service, deployment, ctx.now, reason)
  }
  return { serviceDeploymentArn: arn }
}
