/** How every surface words an SLA clock: the same words on the card, in statuses, dashboards and post-mortems. */
import type { Calendar } from '../../config/types'
import { formatDuration } from '../../config/duration'
import type { SlaClock } from '../lifecycle/clocks'
import { formatDue } from '../time/format'

export const CLOCK_ICON: Record<SlaClock['status'], string> = {
  met: '✅',
  missed: '❌',
  'on-track': '🟢',
  'at-risk': '🟠',
  breached: '🔴',
  paused: '⏸️',
}

const CLOCK_WORD: Record<SlaClock['status'], string> = {
  met: 'met',
  missed: 'missed',
  'on-track': 'on track',
  'at-risk': 'at risk',
  breached: 'breached',
  paused: 'paused',
}

const minutes = (value: number) => formatDuration(Math.max(1, Math.round(value)))

/** `🟠 at risk: due 2026-11-24 09:30 UTC (01:30 PST)`, `✅ met at …`, `🔴 breached: due …, 15m late`. */
export function describeClock(clock: SlaClock, calendar: Calendar): string {
  const word = `${CLOCK_ICON[clock.status]} ${CLOCK_WORD[clock.status]}`
  const due = formatDue(clock.dueAt, calendar)
  switch (clock.status) {
    case 'met':
      return `${word} at ${formatDue(clock.doneAt ?? clock.dueAt, calendar)} (target ${formatDuration(clock.targetMinutes)})`
    case 'missed':
      return `${word}: done ${formatDue(clock.doneAt ?? clock.dueAt, calendar)}, ${minutes(clock.minutes)} after the target (${formatDuration(clock.targetMinutes)})`
    case 'breached':
      return `${word}: was due ${due}`
    case 'paused':
      return `${word} while waiting on the customer (due ${due} if it ran again now)`
    default:
      return `${word}: due ${due}`
  }
}

/** The clock's state in a word, for tables: `breached`, `at risk`. */
export function clockWord(clock: SlaClock): string {
  return `${CLOCK_ICON[clock.status]} ${CLOCK_WORD[clock.status]}`
}
