// Warning alarms never fail a rollout: each is reported once when it goes into ALARM, and again only after it has
// left ALARM and come back. Shared by the reconciler (task sets) and the follower (ECS-controller services).

import type { EventSink } from './events.js'
import type { AlarmState } from './ports.js'

export class WarningAlarms {
  private readonly firing = new Set<string>()

  constructor(private readonly events: EventSink) {}

  note(warnings: AlarmState[], now: number): void {
    for (const alarm of warnings) {
      if (alarm.state === 'ALARM' && !this.firing.has(alarm.name)) {
        this.firing.add(alarm.name)
        this.events.emit({
          kind: 'warning',
          at: now,
          message: `Warning alarm ${alarm.name} is in ALARM: ${alarm.reason}`,
          alarm
        })
      } else if (alarm.state !== 'ALARM') this.firing.delete(alarm.name)
    }
  }
}
