// One task definition file for several services, as a `services` run rolls it out (registered once per region):
// the e2e tests and the waves benchmark write it with the sandbox behaviour they want.

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CONTAINER_NAME, CONTAINER_PORT } from '../../sandbox/fixtures.js'

/** Writes `<family>.json` into `dir` and returns its path. */
export function writeTaskDefinitionFile(dir: string, family: string, env: Record<string, string>): string {
  const file = join(dir, `${family}.json`)
  writeFileSync(
    file,
    JSON.stringify({
      family,
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      containerDefinitions: [
        {
          name: CONTAINER_NAME,
          image: 'public.ecr.aws/nginx/nginx:latest',
          essential: true,
          portMappings: [{ containerPort: CONTAINER_PORT, protocol: 'tcp' }],
          environment: Object.entries(env).map(([name, value]) => ({ name, value }))
        }
      ]
    })
  )
  return file
}
