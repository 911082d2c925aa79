// A registered task definition in full, for "what changed" between the stable and the new revision. A revision
// that cannot be read (deregistered and deleted, or no permission) is simply not compared.

import { DescribeTaskDefinitionCommand, type ECSClient, type TaskDefinition } from '@aws-sdk/client-ecs'

export type TaskDefinitionDetails = TaskDefinition

export async function describeTaskDefinition(
  ecs: ECSClient,
  arn: string | undefined
): Promise<TaskDefinitionDetails | undefined> {
  if (!arn) return undefined
  const out = await ecs
    .send(new DescribeTaskDefinitionCommand({ taskDefinition: arn }))
    .catch(() => undefined)
  return out?.taskDefinition
}
