// The Amazon ECS linear/canary walkthrough (shared/reference/seeds/003_*.txt) as the seed writes it: its alarms'
// --metrics JSON and its --deployment-configuration JSON, verbatim. Only the placeholder dimensions
// (targetgroup/blue/xxx, app/my-load-balancer/xxx) are the scene's, through `seedMetrics`.
import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch'
import { elbDimensions } from './virtual-sandbox.js'

/** Linear step 1 and canary step 1: 5XX errors summed across both target groups. */
export const SEED_5XX_METRICS = `[
{
"Id": "blue5xx",
"MetricStat": {
"Metric": {
"Namespace": "AWS/ApplicationELB",
"MetricName": "HTTPCode_Target_5XX_Count",
"Dimensions": [
{"Name": "TargetGroup", "Value": "targetgroup/blue/xxx"},
{"Name": "LoadBalancer", "Value": "app/my-load-balancer/xxx"}
]
},
"Period": 60,
"Stat": "Sum"
},
"ReturnData": false
},
{
"Id": "green5xx",
"MetricStat": {
"Metric": {
"Namespace": "AWS/ApplicationELB",
"MetricName": "HTTPCode_Target_5XX_Count",
"Dimensions": [
{"Name": "TargetGroup", "Value": "targetgroup/green/xxx"},
{"Name": "LoadBalancer", "Value": "app/my-load-balancer/xxx"}
]
},
"Period": 60,
"Stat": "Sum"
},
"ReturnData": false
},
{
"Id": "total5xx",
"Expression": "SUM([blue5xx, green5xx])",
"Label": "Total 5XX Errors",
"ReturnData": true
}
]`

/** Linear step 2: the slower target group's average response time. */
export const SEED_LATENCY_METRICS = `[
{
"Id": "blueLatency",
"MetricStat": {
"Metric": {
"Namespace": "AWS/ApplicationELB",
"MetricName": "TargetResponseTime",
"Dimensions": [
{"Name": "TargetGroup", "Value": "targetgroup/blue/xxx"},
{"Name": "LoadBalancer", "Value": "app/my-load-balancer/xxx"}
]
},
"Period": 60,
"Stat": "Average"
},
"ReturnData": false
},
{
"Id": "greenLatency",
"MetricStat": {
"Metric": {
"Namespace": "AWS/ApplicationELB",
"MetricName": "TargetResponseTime",
"Dimensions": [
{"Name": "TargetGroup", "Value": "targetgroup/green/xxx"},
{"Name": "LoadBalancer", "Value": "app/my-load-balancer/xxx"}
]
},
"Period": 60,
"Stat": "Average"
},
"ReturnData": false
},
{
"Id": "maxLatency",
"Expression": "MAX([blueLatency, greenLatency])",
"Label": "Max Response Time",
"ReturnData": true
}
]`

/** Linear step 3's --deployment-configuration. */
export const SEED_LINEAR_CONFIGURATION = `{
"deploymentCircuitBreaker": {
"enable": true,
"rollback": true
},
"strategy": "LINEAR",
"linearConfiguration": {
"stepPercent": 10,
"stepBakeTimeInMinutes": 5
},
"alarms": {
"alarmNames": [
"my-service-5xx-errors",
"my-service-high-latency"
],
"enable": true,
"rollback": true
}
}`

/** Canary step 3's --deployment-configuration. */
export const SEED_CANARY_CONFIGURATION = `{
"deploymentCircuitBreaker": {
"enable": true,
"rollback": true
},
"strategy": "CANARY",
"canaryConfiguration": {
"canaryPercent": 5,
"canaryBakeTimeInMinutes": 20
},
"alarms": {
"alarmNames": [
"payment-service-errors",
"payment-transaction-failure-rate"
],
"enable": true,
"rollback": true
}
}`

/** The seed's --metrics JSON with its placeholder dimensions replaced by a scene's blue and green groups. */
export function seedMetrics(
  json: string,
  scene: { loadBalancer: string; targetGroups: string[] }
): MetricDataQuery[] {
  const [blue, green] = scene.targetGroups.map(tg => elbDimensions(scene, tg))
  return JSON.parse(
    json
      .replaceAll('targetgroup/blue/xxx', blue.TargetGroup)
      .replaceAll('targetgroup/green/xxx', green.TargetGroup)
      .replaceAll('app/my-load-balancer/xxx', blue.LoadBalancer)
  )
}
