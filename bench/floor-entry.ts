// Not a benchmark: the baseline program benchmark 5 bundles with ncc --minify, as the action is bundled. It makes
// the action's first API request (DescribeServices) with the AWS SDK and nothing else (FLOOR=sdk), after loading
// @actions/core too (FLOOR=core), or after loading every library the action loads before that request —
// @actions/core and the three SDK clients — with none of the action's own code (FLOOR=libraries). Octokit
// (@actions/github) is not among them: the action loads it only when it talks to GitHub.

if (process.env.FLOOR === 'core') (await import('@actions/core')).getInput('service')
if (process.env.FLOOR === 'libraries') {
  const [core, { CloudWatchClient }, { ElasticLoadBalancingV2Client }] = await Promise.all([
    import('@actions/core'),
    import('@aws-sdk/client-cloudwatch'),
    import('@aws-sdk/client-elastic-load-balancing-v2')
  ])
  core.getInput('service')
  new CloudWatchClient({})
  new ElasticLoadBalancingV2Client({})
}
const { ECSClient, DescribeServicesCommand } = await import('@aws-sdk/client-ecs')
await new ECSClient({})
  .send(new DescribeServicesCommand({ cluster: 'bench', services: ['no-such-service'] }))
  .catch(() => undefined)
