// Hook command lines never reach a shell, end to end: dist/index.js runs a deploy whose post-deploy hook line is
// full of shell syntax. The program gets every word as a plain argument, and nothing the syntax would have done
// in a shell (command substitution, a second command, a redirection) happens.

import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { deploy, explained, revision, withScene } from '../helpers/scene.js'

describe('hooks through dist/index.js', () => {
  it.concurrent('a hook line full of shell syntax runs one program with every word as data', async () => {
    await withScene({ desiredCount: 2 }, async e2e => {
      const [argvFile, p1, p2, p3] = ['argv.json', 'p1', 'p2', 'p3'].map(f => join(e2e.dir, f))
      const script = `require('fs').writeFileSync(process.argv[1], JSON.stringify(process.argv.slice(2)))`
      const hostile = `$(touch ${p1}) ; touch ${p2} && echo \`id\` $HOME | cat > ${p3}`
      const next = await revision(e2e)
      const { result } = await deploy(e2e, {
        'task-definition': next,
        strategy: 'all-at-once',
        'hook-post-deploy': `node -e "${script}" ${argvFile} ${hostile}`
      })
      await explained(result, () => {
        expect(result.outputs.status).toBe('succeeded')
        expect(JSON.parse(readFileSync(argvFile, 'utf8'))).toEqual([
          '$(touch',
          `${p1})`,
          ';',
          'touch',
          p2,
          '&&',
          'echo',
          '`id`',
          '$HOME',
          '|',
          'cat',
          '>',
          p3
        ])
        expect([p1, p2, p3].filter(p => existsSync(p))).toEqual([])
      })
    })
  })
})
