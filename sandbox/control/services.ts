export type ServiceName = 'ecs' | 'cloudwatch' | 'elbv2'

/** The IAM action prefix of each service, as in `ecs:UpdateService` or `elasticloadbalancing:ModifyListener`. */
export const IAM_PREFIX: Record<ServiceName, string> = {
  ecs: 'ecs',
  cloudwatch: 'cloudwatch',
  elbv2: 'elasticloadbalancing'
}

/** Anything that is not Describe*, List* or Get* changes state. */
export const isMutating = (operation: string) => !/^(Describe|List|Get)/.test(operation)
