// The architecture rules of eslint.config.js, run through ESLint's own Node API on files that exist only in
// memory: an SDK import outside src/aws, an import against the layers and an import cycle must fail
// `npm run lint`.

import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { ESLint } from 'eslint'

const eslint = new ESLint({ cwd: process.cwd() })

async function errors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result.messages.filter(m => m.severity === 2).map(m => `${m.ruleId}: ${m.message}`)
}

describe('only src/aws imports the AWS SDK', () => {
  it.each([
    ["import '@aws-sdk/client-ecs'\n"],
    ["import type { TaskDefinition } from '@aws-sdk/client-ecs'\nexport type T = TaskDefinition\n"],
    ["export { ECSClient } from '@aws-sdk/client-ecs'\n"]
  ])('refuses %j in src/commands', async code => {
    const found = await errors('src/commands/x.ts', code)
    expect(found).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*only src\/aws speaks the AWS SDK/)
    ])
  })

  it('refuses it in the report, the engine and the planner too', async () => {
    for (const dir of ['report', 'engine', 'plan'])
      expect(await errors(`src/${dir}/x.ts`, "import '@aws-sdk/client-cloudwatch'\n")).toHaveLength(1)
  })

  it('lets src/aws import it', async () => {
    expect(await errors('src/aws/x.ts', "import '@aws-sdk/client-ecs'\n")).toEqual([])
  })
})

describe('the layers: config → plan → record → engine → report → adapters → commands → entry', () => {
  it.each([
    ['src/config/x.ts', "import '../plan/planner.js'\n"],
    ['src/plan/x.ts', "import '../engine/ports.js'\n"],
    ['src/engine/x.ts', "import '../aws/service.js'\n"],
    ['src/report/x.ts', "import '../github/client.js'\n"],
    ['src/aws/x.ts', "import '../commands/index.js'\n"],
    ['src/commands/x.ts', "import '../main.js'\n"],
    ['src/errors.ts', "import './config/parse.js'\n"]
  ])('refuses an upward import in %s: %j', async (file, code) => {
    const found = await errors(file, code)
    expect(found).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*no upward import/)])
  })

  it('lets an adapter reach the engine through its ports only', async () => {
    expect(
      await errors('src/aws/x.ts', "import '../engine/ports.js'\nimport '../engine/events.js'\n")
    ).toEqual([])
    expect(await errors('src/hooks/x.ts', "import '../engine/decide.js'\n")).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: .*through its ports/)
    ])
  })

  it('lets a layer import the ones below it', async () => {
    const code = "import '../aws/service.js'\nimport '../engine/ports.js'\nimport '../config/parse.js'\n"
    expect(await errors('src/commands/x.ts', code)).toEqual([])
  })
})

describe('no import cycle', () => {
  it('refuses an import back into a module that imports this one', async () => {
    // control.ts imports control-status.ts: control-status.ts importing control.ts would close a cycle.
    const file = 'src/commands/control-status.ts'
    const code = `import './control.js'\n${readFileSync(file, 'utf8')}`
    expect(await errors(file, code)).toEqual(['import-x/no-cycle: Dependency cycle detected'])
  })

  it('lets a new module import one that does not import it back', async () => {
    expect(await errors('src/commands/x.ts', "import './control.js'\nexport const x = 1\n")).toEqual([])
  })
})
