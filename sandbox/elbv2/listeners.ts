import type {
  CreateListenerInput,
  CreateListenerOutput,
  CreateRuleInput,
  CreateRuleOutput,
  DeleteListenerInput,
  DeleteRuleInput,
  DescribeListenersInput,
  DescribeListenersOutput,
  DescribeRulesInput,
  DescribeRulesOutput,
  Listener,
  ModifyListenerInput,
  ModifyListenerOutput,
  ModifyRuleInput,
  ModifyRuleOutput,
  Rule
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { arnResource, elbArn } from '../core/arn.js'
import { ApiError, elbErrors } from '../core/errors.js'
import { list, requireString } from '../core/validate.js'
import type { Ctx } from '../core/world.js'
import { normalizeActions, normalizeConditions } from './actions.js'
import { intInRange } from './coerce.js'
import type { ListenerRecord, RuleRecord } from './model.js'
import { validateTags } from './tags.js'

const PROTOCOLS = ['HTTP', 'HTTPS', 'TCP', 'TLS', 'UDP', 'TCP_UDP', 'GENEVE']

export function listenerView(listener: ListenerRecord): Listener {
  return {
    ListenerArn: listener.arn,
    LoadBalancerArn: listener.loadBalancerArn,
    Port: listener.port,
    Protocol: listener.protocol as Listener['Protocol'],
    Certificates: listener.certificates.length ? listener.certificates : undefined,
    SslPolicy: listener.sslPolicy,
    DefaultActions: listener.defaultActions,
    AlpnPolicy: listener.alpnPolicy.length ? listener.alpnPolicy : undefined
  }
}

function requireListener(ctx: Ctx, arn: unknown): ListenerRecord {
  const ref = requireString(arn, 'ListenerArn', elbErrors.missing)
  const listener = ctx.world.elb.listeners.get(ref)
  if (!listener) throw elbErrors.listenerNotFound(`Listener '${ref}' not found`)
  return listener
}

function checkProtocol(protocol: string | undefined, certificates: unknown[]): void {
  if (protocol !== undefined && !PROTOCOLS.includes(protocol))
    throw elbErrors.validation(`Protocol '${protocol}' is not valid`)
  if ((protocol === 'HTTPS' || protocol === 'TLS') && certificates.length === 0) {
    throw new ApiError('CertificateNotFound', 'A certificate must be specified for HTTPS listeners')
  }
}

function checkPortFree(ctx: Ctx, lbArn: string, port: number | undefined, except?: string): void {
  const clash = [...ctx.world.elb.listeners.values()].find(
    l => l.loadBalancerArn === lbArn && l.port === port && l.arn !== except
  )
  if (clash)
    throw new ApiError('DuplicateListener', 'A listener already exists on this port for this load balancer')
}

export function createListener(ctx: Ctx, input: CreateListenerInput): CreateListenerOutput {
  const lbArn = requireString(input.LoadBalancerArn, 'LoadBalancerArn', elbErrors.missing)
  const lb = ctx.world.elb.loadBalancers.get(lbArn)
  if (!lb) throw elbErrors.loadBalancerNotFound(`Load balancer '${lbArn}' not found`)
  const port = intInRange(input.Port, 'Port', 1, 65535)
  if (lb.type !== 'gateway' && port === undefined)
    throw elbErrors.validation('A listener port must be specified')
  const protocol = input.Protocol ?? (lb.type === 'application' ? 'HTTP' : undefined)
  const certificates = list(input.Certificates)
  checkProtocol(protocol, certificates)
  checkPortFree(ctx, lbArn, port)
  const lbPath = arnResource(lbArn).replace(/^loadbalancer\//, '')
  const listenerArn = elbArn(ctx.region, `listener/${lbPath}/${ctx.world.rng.hex(16)}`)
  const listener: ListenerRecord = {
    arn: listenerArn,
    loadBalancerArn: lbArn,
    port,
    protocol,
    sslPolicy: input.SslPolicy ?? (protocol === 'HTTPS' ? 'ELBSecurityPolicy-2016-08' : undefined),
    certificates,
    alpnPolicy: list(input.AlpnPolicy),
    defaultActions: normalizeActions(ctx.world, input.DefaultActions, lbArn),
    defaultRuleArn: listenerArn.replace(':listener/', ':listener-rule/') + '/' + ctx.world.rng.hex(16),
    tags: validateTags([], list(input.Tags))
  }
  ctx.world.elb.listeners.set(listener.arn, listener)
  return { Listeners: [listenerView(listener)] }
}

export function describeListeners(ctx: Ctx, input: DescribeListenersInput): DescribeListenersOutput {
  const arns = list(input.ListenerArns)
  if (arns.length) return { Listeners: arns.map(arn => listenerView(requireListener(ctx, arn))) }
  if (!input.LoadBalancerArn)
    throw elbErrors.validation('You must specify either listener ARNs or a load balancer ARN')
  if (!ctx.world.elb.loadBalancers.has(input.LoadBalancerArn)) {
    throw elbErrors.loadBalancerNotFound(`Load balancer '${input.LoadBalancerArn}' not found`)
  }
  const listeners = [...ctx.world.elb.listeners.values()].filter(
    l => l.loadBalancerArn === input.LoadBalancerArn
  )
  return { Listeners: listeners.map(listenerView) }
}

export function modifyListener(ctx: Ctx, input: ModifyListenerInput): ModifyListenerOutput {
  const listener = requireListener(ctx, input.ListenerArn)
  const port = intInRange(input.Port, 'Port', 1, 65535)
  const protocol = input.Protocol ?? listener.protocol
  const certificates = input.Certificates ? list(input.Certificates) : listener.certificates
  checkProtocol(protocol, certificates)
  if (port !== undefined) checkPortFree(ctx, listener.loadBalancerArn, port, listener.arn)
  // Validate everything before changing anything, so a rejected call leaves the listener untouched.
  const actions = input.DefaultActions
    ? normalizeActions(ctx.world, input.DefaultActions, listener.loadBalancerArn)
    : undefined
  if (port !== undefined) listener.port = port
  listener.protocol = protocol
  listener.certificates = certificates
  if (input.SslPolicy) listener.sslPolicy = input.SslPolicy
  if (actions) listener.defaultActions = actions
  return { Listeners: [listenerView(listener)] }
}

export function deleteListener(ctx: Ctx, input: DeleteListenerInput): object {
  const listener = requireListener(ctx, input.ListenerArn)
  ctx.world.elb.listeners.delete(listener.arn)
  for (const rule of [...ctx.world.elb.rules.values()]) {
    if (rule.listenerArn === listener.arn) ctx.world.elb.rules.delete(rule.arn)
  }
  return {}
}

function ruleView(rule: RuleRecord): Rule {
  return {
    RuleArn: rule.arn,
    Priority: String(rule.priority),
    Conditions: rule.conditions,
    Actions: rule.actions,
    IsDefault: false
  }
}

const defaultRuleView = (listener: ListenerRecord): Rule => ({
  RuleArn: listener.defaultRuleArn,
  Priority: 'default',
  Conditions: [],
  Actions: listener.defaultActions,
  IsDefault: true
})

export function createRule(ctx: Ctx, input: CreateRuleInput): CreateRuleOutput {
  const listener = requireListener(ctx, input.ListenerArn)
  const priority = intInRange(input.Priority, 'Priority', 1, 50000)
  if (priority === undefined) throw elbErrors.missing('Priority')
  const taken = [...ctx.world.elb.rules.values()].some(
    r => r.listenerArn === listener.arn && r.priority === priority
  )
  if (taken) throw new ApiError('PriorityInUse', `Priority '${priority}' is currently in use`)
  const rule: RuleRecord = {
    arn: listener.arn.replace(':listener/', ':listener-rule/') + '/' + ctx.world.rng.hex(16),
    listenerArn: listener.arn,
    priority,
    conditions: normalizeConditions(input.Conditions),
    actions: normalizeActions(ctx.world, input.Actions, listener.loadBalancerArn),
    tags: validateTags([], list(input.Tags))
  }
  ctx.world.elb.rules.set(rule.arn, rule)
  return { Rules: [ruleView(rule)] }
}

function findRule(ctx: Ctx, arn: string): { rule?: RuleRecord; listener?: ListenerRecord } {
  const rule = ctx.world.elb.rules.get(arn)
  if (rule) return { rule }
  const listener = [...ctx.world.elb.listeners.values()].find(l => l.defaultRuleArn === arn)
  if (listener) return { listener }
  throw elbErrors.ruleNotFound(`Rule '${arn}' not found`)
}

export function describeRules(ctx: Ctx, input: DescribeRulesInput): DescribeRulesOutput {
  const arns = list(input.RuleArns)
  if (arns.length) {
    return {
      Rules: arns.map(arn => {
        const { rule, listener } = findRule(ctx, arn)
        return rule ? ruleView(rule) : defaultRuleView(listener!)
      })
    }
  }
  if (!input.ListenerArn) throw elbErrors.validation('You must specify either listener ARN or rule ARNs')
  const listener = requireListener(ctx, input.ListenerArn)
  const rules = [...ctx.world.elb.rules.values()]
    .filter(r => r.listenerArn === listener.arn)
    .sort((a, b) => a.priority - b.priority)
    .map(ruleView)
  return { Rules: [...rules, defaultRuleView(listener)] }
}

export function modifyRule(ctx: Ctx, input: ModifyRuleInput): ModifyRuleOutput {
  const { rule, listener } = findRule(ctx, requireString(input.RuleArn, 'RuleArn', elbErrors.missing))
  if (listener) {
    if (input.Conditions)
      throw new ApiError('OperationNotPermitted', 'The conditions of the default rule cannot be changed')
    if (input.Actions)
      listener.defaultActions = normalizeActions(ctx.world, input.Actions, listener.loadBalancerArn)
    return { Rules: [defaultRuleView(listener)] }
  }
  const owner = ctx.world.elb.listeners.get(rule!.listenerArn)!
  const conditions = input.Conditions ? normalizeConditions(input.Conditions) : undefined
  const actions = input.Actions
    ? normalizeActions(ctx.world, input.Actions, owner.loadBalancerArn)
    : undefined
  if (conditions) rule!.conditions = conditions
  if (actions) rule!.actions = actions
  return { Rules: [ruleView(rule!)] }
}

export function deleteRule(ctx: Ctx, input: DeleteRuleInput): object {
  const { rule } = findRule(ctx, requireString(input.RuleArn, 'RuleArn', elbErrors.missing))
  if (!rule) throw new ApiError('OperationNotPermitted', 'Default rule cannot be deleted')
  ctx.world.elb.rules.delete(rule.arn)
  return {}
}
