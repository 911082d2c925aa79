// The job summary, read the way a person reads it: the headline, the sentence, the step table's verdicts,
// the failure's evidence, and what to do next. Hostile strings must come out as text, and the page small.

import { describe, expect, it } from '@jest/globals'
import type { TaskDefinition } from '@aws-sdk/client-ecs'
import { Status } from '../../src/constants.js'
import type { FailureReason } from '../../src/engine/events.js'
import type { AlarmState } from '../../src/engine/ports.js'
import { renderSummary } from '../../src/report/summary.js'
import { Story, T0, canary, linear, plan } from '../helpers/rollout-story.js'

/** The cells of the step table's row whose first cell is `step`. */
function row(summary: string, step: string): string[] {
  const tr = summary.split('\n').find(l => l.startsWith(`<tr><td>${step}</td>`))
  if (!tr) throw new Error(`no row for step ${step}`)
  return [...tr.matchAll(/<td>(.*?)<\/td>/g)].map(m => m[1])
}
const GATE = 8

const alarm: AlarmState = {
  name: 'web-5xx',
  state: 'ALARM',
  reason: 'Threshold Crossed: 1 datapoint [12.0] was greater than the threshold (5.0).',
  since: T0 + 200_000
}

/** Linear over 10 tasks: steps 1 and 2 pass, the alarm fires during step 3. */
function linearRollback(reason: FailureReason = { kind: 'alarm', alarm }): Story {
  return new Story(linear())
    .passStep(1)
    .passStep(2)
    .beginStep(3)
    .wait(20_000)
    .rollBack(reason, { new: 3, stable: 7 }, 30)
}

describe('a successful canary', () => {
  const story = new Story(canary()).passAll().succeed()
  const summary = renderSummary(story.events, { runUrl: 'https://github.com/acme/web/actions/runs/7' })

  it('says it succeeded, on which service and revisions', () => {
    expect(summary).toMatch(/^<h2>✅ Succeeded: web:42 on web<\/h2>/)
    expect(summary).toContain("web:42 now serves all of web's traffic: 2 steps in 11m27s, every gate passed.")
    expect(summary).toContain('web:41 → web:42')
    expect(summary).toContain(
      '<a href="https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/web/health?region=eu-west-1">web</a>'
    )
    expect(summary).toContain('<a href="https://github.com/acme/web/actions/runs/7">this run</a>')
    expect(summary).not.toMatch(/rolled back/i)
  })

  it('fills the step table with when, how long, counts, traffic and a passed gate', () => {
    const first = row(summary, '1')
    expect(first.slice(0, 4)).toEqual(['1', 'canary 10%', '12:00:00 UTC', '5m41s (stable after 41s)'])
    expect(first[4]).toBe('1')
    expect(first[6]).toBe('10% (by tasks)')
    expect(first[GATE]).toBe('✅ passed')
    expect(row(summary, '2')[GATE]).toBe('✅ passed')
    expect(row(summary, 'final')[GATE]).toBe('✅ passed')
  })

  it('tells how to roll back from a workflow_dispatch run', () => {
    const next = summary.slice(summary.indexOf('<h3>What next</h3>'))
    expect(next).toContain('roll back to web:41')
    expect(next).toContain(
      '<pre>with:\n  cluster: prod\n  service: web\n  command: rollback\n  to: previous</pre>'
    )
    expect(next).not.toContain('command: promote')
  })

  it('links the dispatch workflow and shows the uses: line when told them', () => {
    const hinted = renderSummary(story.events, {
      repository: 'acme/web',
      serverUrl: 'https://github.com',
      workflowHint: { workflow: 'deploy.yml', action: 'acme/ecs-rollout@v1' }
    })
    expect(hinted).toContain(
      '<a href="https://github.com/acme/web/actions/workflows/deploy.yml">Run deploy.yml</a>'
    )
    expect(hinted).toContain('<pre>- uses: acme/ecs-rollout@v1\n  with:\n    cluster: prod')
  })

  it('says what changed in the task definition when given both', () => {
    const td = (tag: string): TaskDefinition => ({
      cpu: '256',
      containerDefinitions: [
        { name: 'app', image: `web:${tag}`, environment: [{ name: 'MODE', value: tag }] }
      ]
    })
    const out = renderSummary(story.events, { taskDefinitions: { from: td('a'), to: td('b') } })
    expect(out).toContain('<h3>What changed</h3>')
    expect(out).toContain('<tr><td>app</td><td>image</td><td>changed</td><td>web:a</td><td>web:b</td></tr>')
    expect(out).toContain(
      '<tr><td>app</td><td>environment MODE</td><td>changed</td><td>•••</td><td>•••</td></tr>'
    )
    expect(summary).not.toContain('What changed')
  })

  it('lists and links the gates when the start event names them', () => {
    const gated = new Story(canary(), { gates: { alarms: ['web-5xx', 'web p99'], warningAlarms: [] } })
    const out = renderSummary(gated.passAll().succeed().events)
    expect(out).toContain('#alarmsV2:alarm/web%20p99">web p99</a>')
    expect(out).toContain('warnings only: none')
  })
})

describe('a linear rollout rolled back by an alarm', () => {
  const summary = renderSummary(linearRollback().events)

  it('says rolled back, never succeeded, and names the alarm, its state reason and when it fired', () => {
    expect(summary).toMatch(/^<h2>↩️ Rolled back: web:42 on web<\/h2>/)
    expect(summary).not.toMatch(/succeeded/i)
    expect(summary).toContain(
      'Alarm web-5xx went into ALARM during step 3 of 10 (30%), so web went back to web:41.'
    )
    expect(summary).toContain('<h3>Why it rolled back</h3>')
    expect(summary).toContain('went into ALARM at 2026-11-03 12:03:20 UTC')
    expect(summary).toContain('Threshold Crossed: 1 datapoint [12.0] was greater than the threshold (5.0).')
    expect(summary).toContain(
      'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#alarmsV2:alarm/web-5xx'
    )
  })

  it('marks the failed step and skips the rest', () => {
    expect(row(summary, '2')[GATE]).toBe('✅ passed')
    expect(row(summary, '3')[GATE]).toMatch(/^⛔ failed: alarm <a href="[^"]+">web-5xx<\/a>$/)
    expect(row(summary, '3')[3]).toBe('1m1s (stable after 41s)')
    expect(row(summary, '4')[GATE]).toBe('skipped')
    expect(row(summary, '4')[2]).toBe('–')
    expect(row(summary, 'final')[GATE]).toBe('skipped')
  })

  it('says what the rollback cost', () => {
    expect(summary).toContain(
      'When it began, 3 new and 7 stable tasks ran and 30% of traffic went to web:42.'
    )
    expect(summary).toContain('Traffic was back on web:41 12s later, after 3 mutating calls.')
    expect(summary).toContain('The rollback took 45s in all.')
  })

  it('says to fix the cause and deploy again', () => {
    const next = summary.slice(summary.indexOf('<h3>What next</h3>'))
    expect(next).toContain('web:41 serves all traffic again, so there is nothing to undo.')
    expect(next).not.toContain('command:')
  })

  it('shows the rollback under way before it ends', () => {
    const events = linearRollback().events
    const midway = renderSummary(
      events.slice(
        0,
        events.findIndex(e => e.kind === 'traffic-restored')
      )
    )
    expect(midway).toMatch(/^<h2>↩️ Rolling back: web:42 on web<\/h2>/)
    expect(midway).toContain('so web is going back to web:41.')
    expect(midway).toContain('Under way since 12:04:23 UTC.')
  })
})

describe('other reasons to roll back', () => {
  it('lists the stopped tasks of a circuit-breaker rollback with their reasons and exit codes', () => {
    const tasks = Array.from({ length: 12 }, (_, i) => ({
      taskArn: `arn:aws:ecs:eu-west-1:123456789012:task/prod/task${i}`,
      reason: i % 2 ? 'Essential container in task exited' : 'Task failed ELB health checks',
      at: T0 + 100_000 + i * 1000,
      exitCode: i % 2 ? 137 : undefined
    }))
    const summary = renderSummary(linearRollback({ kind: 'tasks', tasks, threshold: 10 }).events)
    expect(summary).toContain('12 new tasks stopped or failed health checks (max-failed-tasks: 10)')
    expect(summary).toContain('<td>137</td><td>Essential container in task exited</td>')
    expect(summary).toContain(
      '/tasks/task0/configuration?region=eu-west-1">task0</a></td><td>12:01:40 UTC</td><td>–</td>'
    )
    expect(summary).toContain('and 2 more stopped tasks')
    expect(summary).not.toContain('>task10<')
    expect(row(summary, '3')[GATE]).toBe('⛔ New tasks stopped')
  })

  it('explains a step timeout', () => {
    const reason: FailureReason = { kind: 'timeout', scope: 'step', limitMs: 600_000, step: 3 }
    const summary = renderSummary(linearRollback(reason).events)
    expect(summary).toContain(
      'Step 3 did not become stable within step-timeout (10m) during step 3 of 10 (30%)'
    )
    expect(row(summary, '3')[GATE]).toBe('⛔ Step timeout')
  })

  it('shows the last lines of a failed hook', () => {
    const output = Array.from({ length: 40 }, (_, i) => `check ${i + 1}`)
    const reason: FailureReason = { kind: 'hook', hook: 'post-step', exitCode: 2, output }
    const summary = renderSummary(linearRollback(reason).events)
    expect(summary).toContain(
      'Hook <code>post-step</code> exited with code 2. Its last 30 lines (10 earlier left out):'
    )
    expect(summary).toContain('<pre>check 11\ncheck 12')
    expect(summary).toContain('check 40</pre>')
  })

  it('calls an abort an abort', () => {
    const summary = renderSummary(linearRollback({ kind: 'requested', by: 'alice', command: 'abort' }).events)
    expect(summary).toMatch(/^<h2>🛑 Aborted: web:42 on web<\/h2>/)
    expect(summary).toContain('<h3>Why it was aborted</h3>')
    expect(summary).toContain('Alice asked to abort during step 3 of 10 (30%), so web went back to web:41.')
  })
})

describe('a paused partition', () => {
  const partition = plan({ name: 'rolling', batchIntervalMs: 0, partition: { kind: 'count', value: 3 } })
  const story = new Story(partition)
    .passStep(1)
    .emit({
      kind: 'step-start',
      step: 2,
      label: 'pause until promoted',
      target: { new: 3, stable: 7 },
      trafficPercent: 30
    })
    .emit({ kind: 'paused', step: 2, why: 'manual-step' })
    .emit({ kind: 'end', status: Status.Paused, trafficPercent: 30 })
  const summary = renderSummary(story.events)

  it('says where it stopped and that a person decides', () => {
    expect(summary).toMatch(/^<h2>⏸️ Paused at step 2 of 2: web:42 on web<\/h2>/)
    expect(summary).toContain(
      'The plan pauses here with 3 of 10 tasks on web:42; it goes on when a promote run says so.'
    )
    expect(row(summary, '1')[GATE]).toBe('✅ passed')
    expect(row(summary, '2')[GATE]).toBe('⏸️ waiting for promotion')
    expect(row(summary, 'final')[GATE]).toBe('pending')
  })

  it('offers promote (with a partition) or abort', () => {
    const next = summary.slice(summary.indexOf('<h3>What next</h3>'))
    expect(next).toContain('command: promote    # or: abort')
    expect(next).toContain('partition: 10')
  })
})

describe('failures that do not roll back a step', () => {
  it('marks the final stage when an alarm fires after promotion', () => {
    const story = new Story(canary())
      .passAll()
      .emit({ kind: 'promoted' })
      .emit({ kind: 'final-bake', ms: 300_000 })
    story.wait(60_000).rollBack({ kind: 'alarm', alarm }, { new: 10, stable: 10 }, 100)
    const summary = renderSummary(story.events)
    expect(summary).toContain(
      'Alarm web-5xx went into ALARM during the final stage, so web went back to web:41.'
    )
    expect(row(summary, '2')[GATE]).toBe('✅ passed')
    expect(row(summary, 'final')[GATE]).toMatch(/^⛔ failed: alarm /)
  })

  it('freezes on a failed gate with on-failure: pause, and offers abort first', () => {
    const story = new Story(linear()).passStep(1).beginStep(2)
    story.emit({ kind: 'paused', step: 2, why: 'on-failure', reason: { kind: 'alarm', alarm } })
    story.emit({ kind: 'end', status: Status.Paused, reason: 'engine reason', trafficPercent: 20 })
    const summary = renderSummary(story.events)
    expect(summary).toContain(
      'Alarm web-5xx went into ALARM during step 2 of 10 (20%), and on-failure is pause: the rollout is frozen with 2 of 10 tasks on web:42.'
    )
    expect(summary).toContain('<h3>Why it paused</h3>')
    expect(row(summary, '2')[GATE]).toBe('⛔ Alarm web-5xx (paused)')
    expect(summary).toContain('command: abort    # or: promote')
  })
})

describe('a rollout in progress', () => {
  it('says which step it is at and marks it, with the steps ahead pending', () => {
    const story = new Story(linear()).passStep(1).passStep(2)
    story.emit({
      kind: 'step-start',
      step: 3,
      label: '30%',
      target: { new: 3, stable: 7 },
      trafficPercent: 30
    })
    story.emit({ kind: 'move', step: 3, counts: { new: 3, stable: 7 } })
    const summary = renderSummary(story.events)
    expect(summary).toMatch(/^<h2>🔄 In progress, step 3 of 10: web:42 on web<\/h2>/)
    expect(summary).toContain('Step 3 of 10 (30%) started at 12:03:22 UTC, with 3 of 10 tasks on web:42.')
    expect(row(summary, '3')[GATE]).toBe('🔄 scaling')
    expect(row(summary, '4')[GATE]).toBe('pending')
    expect(summary).toContain('command: abort    # or: promote')
  })
})

describe('hostile strings', () => {
  const evil =
    '</td><script>alert(1)</script>\n\n# Heading\n[x](javascript:alert(1)) \u001b[31mred\u001b[0m **bold** | pipe'
  const story = new Story(linear(), {
    service: evil,
    cluster: evil,
    from: { arn: 'a', label: `web:41${evil}` },
    to: { arn: 'b', label: `<img src=x onerror=alert(1)>:42` }
  })
  story.passStep(1).emit({ kind: 'warning', message: evil, alarm: { ...alarm, name: evil, reason: evil } })
  story
    .beginStep(2)
    .rollBack(
      { kind: 'hook', hook: evil, exitCode: 1, output: [evil, '</pre><script>x</script>', '', '::error::x'] },
      { new: 2, stable: 8 },
      20
    )
  const summary = renderSummary(story.events, { runUrl: 'javascript:alert(1)' })

  it('comes out as text: no tag, link or escape sequence from outside survives', () => {
    expect(summary).not.toMatch(/<script|<img|<\/td><script|href="javascript/i)
    expect(summary).not.toContain('\u001b')
    expect(summary).toContain('&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(summary).toContain('&lt;/pre&gt;&lt;script&gt;x&lt;/script&gt;')
  })

  it('keeps the page one HTML block: no blank line, balanced cells', () => {
    expect(summary).not.toMatch(/\n[ \t]*\n/)
    expect(summary.match(/<td>/g)?.length).toBe(summary.match(/<\/td>/g)?.length)
    expect(summary.match(/<pre>/g)?.length).toBe(summary.match(/<\/pre>/g)?.length)
  })

  it('keeps console links on the console, with the names encoded', () => {
    const hrefs = [...summary.matchAll(/href="([^"]*)"/g)].map(m => m[1])
    for (const href of hrefs) expect(href).toMatch(/^(https:\/\/eu-west-1\.console\.aws\.amazon\.com\/|#$)/)
    expect(summary).toContain('/clusters/%3C%2Ftd%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E%0A%0A%23')
  })

  it('gives no link for a region that is not one', () => {
    const odd = new Story(canary(), { region: 'evil.com/x' }).passStep(1)
    expect(renderSummary(odd.events)).not.toContain('console.aws.amazon.com')
  })
})

describe('size', () => {
  it('stays far below 1 MiB whatever the lists and outputs hold', () => {
    const huge = '"<&>'.repeat(5000)
    const big = plan({ name: 'rolling', batchIntervalMs: 0, batchSize: { kind: 'count', value: 1 } }, 2000)
    const story = new Story(big, { service: huge, gates: { alarms: [huge], warningAlarms: [] } })
    for (let i = 1; i <= 1500; i++) story.passStep(i, 1000)
    for (let i = 0; i < 500; i++) story.emit({ kind: 'warning', message: `${i}${huge}` })
    const tasks = Array.from({ length: 5000 }, (_, i) => ({ taskArn: `t/${i}${huge}`, reason: huge, at: T0 }))
    story.beginStep(1501).rollBack({ kind: 'tasks', tasks, threshold: 3 }, { new: 1500, stable: 500 }, 75)
    const env = Array.from({ length: 3000 }, (_, i) => ({ name: `V${i}`, value: huge }))
    const td = (image: string): TaskDefinition => ({
      containerDefinitions: [{ name: 'app', image, environment: env }]
    })
    const env2 = env.map(e => ({ ...e, value: `${e.value}!` }))
    const to: TaskDefinition = { containerDefinitions: [{ name: 'app', image: huge, environment: env2 }] }
    const summary = renderSummary(story.events, {
      taskDefinitions: { from: td('x'), to },
      showEnvValues: true
    })
    // Checked as booleans: a failure must not print the whole page.
    expect(Buffer.byteLength(summary)).toBeLessThan(400 * 1024)
    const notes = [
      'steps not shown',
      'and 4990 more stopped tasks',
      'and 480 more warnings',
      'and 2951 more changes'
    ]
    expect(notes.filter(n => !summary.includes(n))).toEqual([])
  })
})

describe('an AWS message that ends its own sentence', () => {
  it('gets no second full stop', () => {
    const reason = { kind: 'api' as const, message: 'InternalServiceFault: Please try again.' }
    const summary = renderSummary(
      new Story(linear()).beginStep(1).rollBack(reason, { new: 1, stable: 9 }, 10).events
    )
    expect(summary).toContain('<p>AWS kept failing: InternalServiceFault: Please try again.</p>')
    expect(summary).not.toContain('again..')
  })
})
