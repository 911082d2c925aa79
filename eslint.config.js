import js from '@eslint/js'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import tseslint from 'typescript-eslint'

// The layers of src/, lowest first; a file may import from its own layer and the ones below, never above
// (docs/architecture.md draws them):
// - shared: constants and error helpers every layer uses; they import nothing of ours.
// - config: the inputs, parsed and validated.
// - plan: pure planning (steps, the capacity envelope, ECS settings) from the config.
// - record: the rollout's record and its tag encoding: pure data the engine decides over and the adapters store.
// - engine: pure decisions and the loop over ports.
// - report: pure rendering of the engine's events and the record (log lines, summary HTML, text helpers);
//   below the adapters because the GitHub adapter publishes it and the hook runner quotes its helpers.
// - adapters: src/aws (the only SDK user), src/hooks (the user's hook processes), src/github (the GitHub API).
//   They implement the engine's ports and may import only its public faces (ENGINE_PORTS), not its workings.
// - commands: what each `command:` input does, wiring adapters to the engine and the report.
// - entry: the action's main and post steps.
const LAYERS = [
  ['shared', ['./src/constants.ts', './src/errors.ts']],
  ['config', ['./src/config']],
  ['plan', ['./src/plan']],
  ['record', ['./src/record']],
  ['engine', ['./src/engine']],
  ['report', ['./src/report']],
  ['adapters', ['./src/aws', './src/hooks', './src/github']],
  ['commands', ['./src/commands', './src/run-context.ts']],
  ['entry', ['./src/main.ts', './src/post-main.ts', './src/index.ts', './src/post.ts']]
]
/**
 * What of the engine an adapter or the report may import: its ports (hooks.ts is the hook runner's port), the
 * events it emits, and the one wording of a failure reason (reasons.ts).
 */
const ENGINE_PORTS = ['./ports.ts', './events.ts', './hooks.ts', './reasons.ts']

const upwardZones = LAYERS.slice(0, -1).map(([name, target], i) => ({
  target,
  from: LAYERS.slice(i + 1).flatMap(([, paths]) => paths),
  message: `${name} is below ${LAYERS.slice(i + 1)
    .map(([above]) => above)
    .join(', ')}: no upward import (eslint.config.js lists the layers)`
}))
const enginePortZone = {
  target: ['./src/report', './src/aws', './src/hooks', './src/github'],
  from: './src/engine',
  except: ENGINE_PORTS,
  message: `adapters and the report import the engine through its ports (engine/${ENGINE_PORTS.map(p => p.slice(2)).join(', engine/')})`
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/results.json', '.tmp/'] },
  // Tool configs that must be CommonJS (.dependency-cruiser.cjs).
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable' } } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Inputs and summaries deliberately look for control characters to neutralise them.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Imports name the emitted .js; the source beside them is .ts, which no-cycle parses as TypeScript.
      'import-x/resolver-next': [createNodeResolver({ extensionAlias: { '.js': ['.ts', '.js'] } })],
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] }
    },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@aws-sdk/*'],
              message:
                'only src/aws speaks the AWS SDK, types included: use or add an adapter there and the project types'
            }
          ]
        }
      ],
      'import-x/no-restricted-paths': ['error', { zones: [...upwardZones, enginePortZone] }],
      'import-x/no-cycle': 'error'
    }
  },
  {
    files: ['src/aws/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' }
  }
)
