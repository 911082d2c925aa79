import type { Action, RuleCondition } from '@aws-sdk/client-elastic-load-balancing-v2'
import { ApiError, elbErrors } from '../core/errors.js'
import { list } from '../core/validate.js'
import type { World } from '../core/world.js'
import { bool, int, intInRange } from './coerce.js'
import { loadBalancerArnsOf } from './usage.js'

const TYPES = ['forward', 'redirect', 'fixed-response', 'authenticate-oidc', 'authenticate-cognito']

/**
 * Validate actions and normalise them to what ELBv2 returns: a forward action always carries a ForwardConfig
 * with weights, plus TargetGroupArn when it forwards to a single target group.
 */
export function normalizeActions(world: World, actions: Action[] | undefined, lbArn: string): Action[] {
  const input = list(actions)
  if (input.length === 0) throw elbErrors.validation('At least one action must be specified')
  return input
    .map((action, index): Action => {
      if (!action || !TYPES.includes(String(action.Type))) {
        throw elbErrors.validation(`Action type '${String(action?.Type)}' must be one of ${TYPES.join(', ')}`)
      }
      const order = intInRange(action.Order, 'Order', 1, 50000) ?? index + 1
      if (action.Type === 'forward') return { ...normalizeForward(world, action, lbArn), Order: order }
      if (action.Type === 'fixed-response' && !action.FixedResponseConfig?.StatusCode) {
        throw elbErrors.validation('A fixed-response action requires a status code')
      }
      if (action.Type === 'redirect' && !action.RedirectConfig?.StatusCode) {
        throw elbErrors.validation('A redirect action requires a status code')
      }
      return { ...action, Order: order }
    })
    .sort((a, b) => (a.Order ?? 0) - (b.Order ?? 0))
}

function normalizeForward(world: World, action: Action, lbArn: string): Action {
  const groups = list(action.ForwardConfig?.TargetGroups).map(g => ({
    TargetGroupArn: g?.TargetGroupArn ?? '',
    Weight: intInRange(g?.Weight, 'Weight', 0, 999) ?? 1
  }))
  if (action.TargetGroupArn) {
    if (groups.length > 1 || (groups.length === 1 && groups[0].TargetGroupArn !== action.TargetGroupArn)) {
      throw elbErrors.validation(
        'You cannot specify both a target group ARN and a forward config with other target groups'
      )
    }
    if (groups.length === 0) groups.push({ TargetGroupArn: action.TargetGroupArn, Weight: 1 })
  }
  if (groups.length === 0) throw elbErrors.validation('A forward action requires a target group')
  if (groups.length > 5) throw elbErrors.validation('A forward action can have at most 5 target groups')
  for (const group of groups) {
    if (!world.elb.targetGroups.has(group.TargetGroupArn)) {
      throw elbErrors.targetGroupNotFound(`Target group '${group.TargetGroupArn}' not found`)
    }
    const others = loadBalancerArnsOf(world, group.TargetGroupArn).filter(arn => arn !== lbArn)
    if (others.length) {
      throw new ApiError(
        'TargetGroupAssociationLimit',
        `The following target groups cannot be associated with more than one load balancer: ${group.TargetGroupArn}`
      )
    }
  }
  const stickiness = action.ForwardConfig?.TargetGroupStickinessConfig
  const enabled = bool(stickiness?.Enabled) ?? false
  return {
    Type: 'forward',
    TargetGroupArn: groups.length === 1 ? groups[0].TargetGroupArn : undefined,
    ForwardConfig: {
      TargetGroups: groups,
      TargetGroupStickinessConfig: enabled
        ? { Enabled: true, DurationSeconds: int(stickiness?.DurationSeconds, 'DurationSeconds') ?? 3600 }
        : { Enabled: false }
    }
  }
}

const CONFIG_KEYS: Record<string, keyof RuleCondition> = {
  'host-header': 'HostHeaderConfig',
  'path-pattern': 'PathPatternConfig'
}
const FIELDS = [
  'host-header',
  'path-pattern',
  'http-header',
  'http-request-method',
  'query-string',
  'source-ip'
]

/** Conditions as ELBv2 returns them: host-header and path-pattern carry both Values and their *Config. */
export function normalizeConditions(conditions: RuleCondition[] | undefined): RuleCondition[] {
  const input = list(conditions)
  if (input.length === 0) throw elbErrors.validation('A rule must have at least one condition')
  return input.map(condition => {
    const field = String(condition?.Field)
    if (!FIELDS.includes(field))
      throw elbErrors.validation(`Condition field '${field}' must be one of ${FIELDS.join(', ')}`)
    const configKey = CONFIG_KEYS[field]
    if (!configKey) return condition
    const config = condition[configKey] as { Values?: string[] } | undefined
    const values = list(condition.Values).length ? list(condition.Values) : list(config?.Values)
    if (values.length === 0) throw elbErrors.validation(`A ${field} condition requires values`)
    return { Field: field, Values: values, [configKey]: { Values: values } }
  })
}
