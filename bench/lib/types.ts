/** One figure of the bench. `target`, when present, is what the figure must satisfy. */
export interface Target {
  op: '<=' | '<' | '>=' | '>' | '=='
  value: number
}

export interface Row {
  scenario: string
  metric: string
  value: number
  unit: string
  target?: Target
  /** Printed as a footnote under the table. */
  note?: string
}

/** The row builder of one scenario: `row(metric, value, unit, { target, note })`. */
export function rowsOf(scenario: string) {
  return (metric: string, value: number, unit: string, extra: Partial<Row> = {}): Row => ({ scenario, metric, value, unit, ...extra })
}

/** A scenario module's export: runs, returns its rows. */
export type Scenario = () => Promise<Row[]>

export function meets(value: number, target: Target): boolean {
  switch (target.op) {
    case '<=':
      return value <= target.value
    case '<':
      return value < target.value
    case '>=':
      return value >= target.value
    case '>':
      return value > target.value
    case '==':
      return value === target.value
  }
}

export function formatTarget(target: Target): string {
  const op = { '<=': '≤', '<': '<', '>=': '≥', '>': '>', '==': '=' }[target.op]
  return `${op} ${target.value}`
}
