import type {
  DeregisterTargetsInput,
  DescribeTargetHealthInput,
  DescribeTargetHealthOutput,
  RegisterTargetsInput,
  TargetHealth,
  TargetHealthDescription
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { ApiError, elbErrors } from '../core/errors.js'
import { list } from '../core/validate.js'
import type { Ctx } from '../core/world.js'
import { intInRange } from './coerce.js'
import type { TargetGroupRecord, TargetRecord } from './model.js'
import { requireTargetGroup } from './targetGroups.js'

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/

function targetsOf(tg: TargetGroupRecord, targets: RegisterTargetsInput['Targets']) {
  const input = list(targets)
  if (input.length === 0) throw elbErrors.missing('Targets')
  return input.map(t => {
    if (!t?.Id) throw elbErrors.validation('A target ID must be specified')
    if (tg.targetType === 'ip' && !IPV4.test(t.Id)) {
      throw new ApiError('InvalidTarget', `The IP address '${t.Id}' is not a valid IPv4 address`)
    }
    const port = intInRange(t.Port, 'Port', 1, 65535) ?? tg.port
    if (port === undefined) throw elbErrors.validation('A port must be specified')
    return { id: t.Id, port, availabilityZone: t.AvailabilityZone }
  })
}

export function registerTargets(ctx: Ctx, input: RegisterTargetsInput): object {
  const tg = requireTargetGroup(ctx, input.TargetGroupArn)
  for (const t of targetsOf(tg, input.Targets)) {
    const key = `${t.id}:${t.port}`
    const current = tg.targets.get(key)
    if (current && current.state !== 'draining') continue
    tg.targets.set(key, {
      ...t,
      state: 'initial',
      passes: 0,
      failures: 0,
      lastCheckAt: ctx.now,
      registeredAt: ctx.now
    })
  }
  return {}
}

export function deregisterTargets(ctx: Ctx, input: DeregisterTargetsInput): object {
  const tg = requireTargetGroup(ctx, input.TargetGroupArn)
  for (const t of targetsOf(tg, input.Targets)) {
    const target = tg.targets.get(`${t.id}:${t.port}`)
    if (!target) continue
    target.state = 'draining'
    target.drainingUntil = ctx.now + ctx.world.settings.healthCheckMs
  }
  return {}
}

function health(ctx: Ctx, target: TargetRecord): TargetHealth {
  switch (target.state) {
    case 'healthy':
      return { State: 'healthy' }
    case 'initial':
      return {
        State: 'initial',
        Reason: 'Elb.RegistrationInProgress',
        Description: 'Target registration is in progress'
      }
    case 'draining':
      return {
        State: 'draining',
        Reason: 'Target.DeregistrationInProgress',
        Description: 'Target deregistration is in progress'
      }
    case 'unused':
      return {
        State: 'unused',
        Reason: 'Target.NotInUse',
        Description: 'Target group is not configured to receive traffic from the load balancer'
      }
    case 'unhealthy': {
      const task = [...ctx.world.ecs.tasks.values()].find(
        t => t.ip === target.id && t.lastStatus !== 'STOPPED'
      )
      return task?.lastStatus === 'RUNNING'
        ? {
            State: 'unhealthy',
            Reason: 'Target.ResponseCodeMismatch',
            Description: 'Health checks failed with these codes: [500]'
          }
        : { State: 'unhealthy', Reason: 'Target.Timeout', Description: 'Request timed out' }
    }
  }
}

export function describeTargetHealth(ctx: Ctx, input: DescribeTargetHealthInput): DescribeTargetHealthOutput {
  const tg = requireTargetGroup(ctx, input.TargetGroupArn)
  const wanted = list(input.Targets)
  const describe = (target: TargetRecord): TargetHealthDescription => ({
    Target: { Id: target.id, Port: target.port, AvailabilityZone: target.availabilityZone },
    HealthCheckPort: tg.healthCheck.port === 'traffic-port' ? String(target.port) : tg.healthCheck.port,
    TargetHealth: health(ctx, target)
  })
  if (wanted.length === 0) return { TargetHealthDescriptions: [...tg.targets.values()].map(describe) }
  return {
    TargetHealthDescriptions: wanted.map(w => {
      const port = intInRange(w.Port, 'Port', 1, 65535) ?? tg.port
      const target = tg.targets.get(`${w.Id}:${port}`)
      if (target) return describe(target)
      return {
        Target: { Id: w.Id, Port: port },
        TargetHealth: {
          State: 'unused',
          Reason: 'Target.NotRegistered',
          Description: 'Target is not registered to the target group'
        }
      }
    })
  }
}
