// The architecture rules of eslint.config.js, run through ESLint's own Node API on files that exist only in
// memory: an SDK import outside src/aws, an import against the layers and an import cycle must fail
// `npm run lint`; and dependency-cruiser's rule (npm run lint:cycles), on files in a temporary directory, for a
// cycle of type-only imports, which import-x's no-cycle does not follow.

import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
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

describe('no import cycle through type-only imports (npm run lint:cycles, dependency-cruiser)', () => {
  /** Runs the project's dependency-cruiser rule over a tree of the given files in a temporary directory. */
  function cycles(files: Record<string, string>): { ok: boolean; output: string } {
    const root = mkdtempSync(join(tmpdir(), 'ecs-rollout-cycles-'))
    try {
      writeFileSync(join(root, 'tsconfig.json'), '{"compilerOptions":{"module":"nodenext","strict":true}}')
      for (const [name, code] of Object.entries(files)) {
        mkdirSync(dirname(join(root, name)), { recursive: true })
        writeFileSync(join(root, name), code)
      }
      const bin = resolve('node_modules/.bin/depcruise')
      const run = spawnSync(bin, ['src', '--config', resolve('.dependency-cruiser.cjs')], {
        cwd: root,
        encoding: 'utf8'
      })
      return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` }
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  }

  it('refuses two modules that import each other only for types', () => {
    const found = cycles({
      'src/a.ts': "import type { B } from './b.js'\nexport interface A { b?: B }\n",
      'src/b.ts': "import type { A } from './a.js'\nexport interface B { a?: A }\n"
    })
    expect(found.ok).toBe(false)
    expect(found.output).toMatch(/no-circular: src\/a\.ts/)
  })

  it('lets a type be imported one way', () => {
    const found = cycles({
      'src/a.ts': "import type { B } from './b.js'\nexport interface A { b?: B }\n",
      'src/b.ts': 'export interface B { n: number }\n'
    })
    expect(found).toMatchObject({ ok: true })
  })
})
