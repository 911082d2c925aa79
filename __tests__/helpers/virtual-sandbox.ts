// A sandbox on a compressed virtual clock, and the blue/green moves tests make on a scene: on that clock minute-long
// metric periods pass in a fraction of a real second, so tests can use CloudWatch's own periods.
import { CreateTaskSetCommand, DescribeTaskSetsCommand } from '@aws-sdk/client-ecs'
import { ModifyListenerCommand } from '@aws-sdk/client-elastic-load-balancing-v2'
import {
  registerRevision,
  waitFor,
  CONTAINER_NAME,
  CONTAINER_PORT,
  NETWORK,
  type Scene
} from '../../sandbox/fixtures.js'
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/server.js'

export const T0 = Date.UTC(2026, 10, 21, 10, 0, 0)

export interface VirtualSandbox {
  sandbox: Sandbox
  /** The virtual time now (epoch ms). */
  now(): number
  stop(): Promise<void>
}

/**
 * The sandbox's own timer never fires; a driver moves the virtual clock one second and steps the simulation
 * every few real milliseconds. Health checks run every virtual second.
 */
export async function startVirtualSandbox(options: SandboxOptions = {}): Promise<VirtualSandbox> {
  let now = T0
  const sandbox = await startSandbox({
    healthCheckMs: 1000,
    ...options,
    tickMs: 3_600_000,
    clock: () => now
  })
  const driver = setInterval(() => {
    now += 1000
    sandbox.tick()
  }, 4)
  return {
    sandbox,
    now: () => now,
    stop: async () => {
      clearInterval(driver)
      await sandbox.close()
    }
  }
}

/** Register a second revision and run it as a task set in the scene's green target group; its ARN. */
export async function addGreenRevision(scene: Scene, env: Record<string, string>): Promise<string> {
  const { ecs } = scene.clients
  const revision = await registerRevision(ecs, scene.family, env)
  const created = await ecs.send(
    new CreateTaskSetCommand({
      cluster: scene.clusterName,
      service: scene.serviceName,
      taskDefinition: revision,
      launchType: 'FARGATE',
      networkConfiguration: NETWORK,
      loadBalancers: [
        {
          targetGroupArn: scene.targetGroups[1],
          containerName: CONTAINER_NAME,
          containerPort: CONTAINER_PORT
        }
      ],
      scale: { value: 100, unit: 'PERCENT' }
    })
  )
  await waitFor('the green task set to reach STEADY_STATE', async () => {
    const out = await ecs.send(
      new DescribeTaskSetsCommand({
        cluster: scene.clusterName,
        service: scene.serviceName,
        taskSets: [created.taskSet!.id!]
      })
    )
    return out.taskSets![0].stabilityStatus === 'STEADY_STATE'
  })
  return revision
}

/** Point the scene's listener at blue and green with these weights (green gets 100 − blue). */
export async function setBlueWeight(scene: Scene, blueWeight: number): Promise<void> {
  const [blue, green] = scene.targetGroups
  await scene.clients.elb.send(
    new ModifyListenerCommand({
      ListenerArn: scene.listener,
      DefaultActions: [
        {
          Type: 'forward',
          ForwardConfig: {
            TargetGroups: [
              { TargetGroupArn: blue, Weight: blueWeight },
              { TargetGroupArn: green, Weight: 100 - blueWeight }
            ]
          }
        }
      ]
    })
  )
}

/** The CloudWatch dimensions of the scene's load balancer and a target group, as `app/...` and `targetgroup/...`. */
export const elbDimensions = (scene: Pick<Scene, 'loadBalancer'>, targetGroupArn: string) => ({
  LoadBalancer: scene.loadBalancer!.split(':loadbalancer/')[1],
  TargetGroup: targetGroupArn.split(':')[5]
})
