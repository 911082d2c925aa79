// Links into the AWS console, for a reader who wants to look for themselves. Every part is URL-encoded, and
// a region that does not look like one gives no link at all: it names the host.

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/

function base(region: string): string | undefined {
  return REGION.test(region) ? `https://${region}.console.aws.amazon.com` : undefined
}

const enc = encodeURIComponent

export function serviceUrl(region: string, cluster: string, service: string): string | undefined {
  const host = base(region)
  return host && `${host}/ecs/v2/clusters/${enc(cluster)}/services/${enc(service)}/health?region=${region}`
}

export function alarmUrl(region: string, name: string): string | undefined {
  const host = base(region)
  return host && `${host}/cloudwatch/home?region=${region}#alarmsV2:alarm/${enc(name)}`
}

/** Whether a link (a metric's, built by the metric gates) goes to this region's console and nowhere else. */
export function isConsoleUrl(url: string, region: string): boolean {
  const host = base(region)
  return host !== undefined && url.startsWith(`${host}/`)
}

/** The task's page, from its ARN (…:task/CLUSTER/ID). */
export function taskUrl(region: string, cluster: string, taskArn: string): string | undefined {
  const host = base(region)
  return (
    host &&
    `${host}/ecs/v2/clusters/${enc(cluster)}/tasks/${enc(taskId(taskArn))}/configuration?region=${region}`
  )
}

export function taskId(taskArn: string): string {
  return taskArn.slice(taskArn.lastIndexOf('/') + 1)
}
