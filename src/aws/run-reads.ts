// The clients of a run over several services (services), with the readers their rollouts share: one per cluster
// for the services (10 a DescribeServices), one for the region's alarms (100 names a DescribeAlarms).

import type { Clock } from '../engine/ports.js'
import { alarmReads } from './alarm-gates.js'
import type { Clients } from './clients.js'
import { serviceReads, type ServiceReads } from './services-batch.js'

export function withSharedReads(clients: Clients, clock: Pick<Clock, 'now'>): Clients {
  const clusters = new Map<string, ServiceReads>()
  const services = (cluster: string): ServiceReads => {
    if (!clusters.has(cluster)) clusters.set(cluster, serviceReads(clients.ecs, cluster, clock))
    return clusters.get(cluster)!
  }
  return { ...clients, shared: { services, alarms: alarmReads(clients.cloudwatch, clock) } }
}
