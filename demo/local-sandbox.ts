// npm run local-sandbox: the sandbox with a service ready for `npm run local-action` (.env.example's values).
//   npm run local-sandbox -- [--port 4599]
// Cluster `local`, service `web` (EXTERNAL controller) running 4 tasks of web:1 behind a load balancer with the
// 5xx alarm `web-5xx`, and a new revision web:2 registered but not deployed. Runs until Ctrl-C (SIGINT/SIGTERM).
// It announces `sandbox ready on URL` once the service is steady, so a test or a script can wait for that line.

import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createScene, registerRevision } from '../sandbox/fixtures.js'
import { startSandbox } from '../sandbox/server.js'

/** Tasks start in a second and the simulation steps every 250 ms, so a canary with short bakes ends in ~15 s. */
const FAST = { SANDBOX_START_SECONDS: '1' }
// This process talks to the sandbox through the SDK: no node 20 end-of-support notice here either.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

const { values } = parseArgs({ options: { port: { type: 'string', default: '4599' } } })
const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number (0 picks a free one), not ${values.port}`)
  process.exit(2)
}
// The job summary of .env.example goes to .tmp/: local-action creates the file, not its folder.
mkdirSync(resolve(import.meta.dirname, '../.tmp'), { recursive: true })

const sandbox = await startSandbox({ port, tickMs: 250 })
const scene = await createScene(sandbox.url, {
  cluster: 'local',
  service: 'web',
  desiredCount: 4,
  controller: 'EXTERNAL',
  loadBalanced: true,
  env: FAST,
  alarm: { name: 'web-5xx', threshold: 10, period: 1 }
})
const revision = await registerRevision(scene.clients.ecs, scene.family, FAST)
console.log(
  `cluster ${scene.clusterName}: service ${scene.serviceName} runs 4 tasks of web:1; ` +
    `alarm ${scene.alarmName}; new revision ${revision.replace(/^.*task-definition\//, '')} registered`
)
console.log(`sandbox ready on ${sandbox.url}`)

const stop = () => void sandbox.close().then(() => process.exit(0))
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
