// ARN formats as AWS writes them; every resource lives in one fake account.
export const ACCOUNT = '123456789012'

export const ecsArn = (region: string, resource: string) => `arn:aws:ecs:${region}:${ACCOUNT}:${resource}`
export const elbArn = (region: string, resource: string) =>
  `arn:aws:elasticloadbalancing:${region}:${ACCOUNT}:${resource}`
export const alarmArn = (region: string, name: string) =>
  `arn:aws:cloudwatch:${region}:${ACCOUNT}:alarm:${name}`

export const isArn = (value: string) => value.startsWith('arn:')

/** `arn:aws:ecs:r:a:service/c/web` → `service/c/web`. */
export const arnResource = (arn: string) => arn.split(':').slice(5).join(':')

/** The last path segment of an ARN or plain name: `…:cluster/prod` and `prod` both give `prod`. */
export const lastSegment = (value: string) => {
  const resource = isArn(value) ? arnResource(value) : value
  return resource.slice(resource.lastIndexOf('/') + 1)
}
