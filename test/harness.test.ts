import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inputEnvName, parseOutputFile, runAction, writeDotenv } from './harness'
import { startLocalGitHub, type LocalGitHub, type WebhookEvent } from './local-github'

const STAND_IN = { entry: 'test/harness/fixtures/stand-in-action.mjs', actionYml: 'test/harness/fixtures/action.yml' }

let gh: LocalGitHub
beforeAll(async () => {
  gh = await startLocalGitHub()
  gh.clock.set('2026-11-24T09:00:00Z')
})
afterAll(() => gh.close())

describe('runAction', () => {
  it('runs the action with a runner environment and parses outputs, summary and commands', async () => {
    const [opened] = gh.act.openIssue({ by: 'carla', title: 'Globex', body: 'b' })
    const before = Date.now()
    const result = await runAction(gh, opened!, { ...STAND_IN, inputs: { fail: 'true' } })
    const elapsed = Date.now() - before
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({
      event: 'issues.opened',
      'config-path': '.github/escalations.yml', // action.yml default
      'full-name': 'acme/support', // the one request went to the local GitHub with the fake token
      'multi-line': 'line one\nline two',
      actor: 'carla',
    })
    // the child's clock starts at the local GitHub's and runs on in real time: its "now" falls
    // inside the run, shifted to the local GitHub's clock (an ordering, not a time limit)
    const now = Date.parse(result.outputs.now!)
    expect(now).toBeGreaterThanOrEqual(Date.parse('2026-11-24T09:00:00Z'))
    expect(now).toBeLessThanOrEqual(Date.parse('2026-11-24T09:00:00Z') + elapsed + 1)
    expect(result.summary).toContain('Stand-in ran')
    expect(result.summary).toContain('issue #1')
    expect(result.errors).toEqual(['asked to fail: 100% on purpose\nsecond line'])
    expect(result.warnings).toEqual(['just a warning'])
    expect(gh.requests.at(-1)).toMatchObject({ route: '/repos/{owner}/{repo}', status: 200 })
    expect(gh.validationErrors).toEqual([])
  })

  it('keeps concurrent runs apart', async () => {
    const a = gh.act.comment(1, 'a', 'carla')
    const b = gh.act.label(1, 'x', 'olivia')
    const [ra, rb] = await Promise.all([runAction(gh, a, STAND_IN), runAction(gh, b, STAND_IN)])
    expect([ra.outputs.event, rb.outputs.event]).toEqual(['issue_comment.created', 'issues.labeled'])
    expect(ra.outputs['event-path']).not.toBe(rb.outputs['event-path'])
    expect(existsSync(ra.outputs['event-path']!)).toBe(false) // temp files cleaned up
    expect([ra.exitCode, rb.exitCode]).toEqual([0, 0])
  })

  it('uses the real clock when the local GitHub clock was never set', async () => {
    const fresh = await startLocalGitHub()
    try {
      const before = Date.now()
      const result = await runAction(fresh, fresh.schedulePayload(), STAND_IN)
      const after = Date.now()
      expect(Date.parse(result.outputs.now!)).toBeGreaterThanOrEqual(before)
      expect(Date.parse(result.outputs.now!)).toBeLessThanOrEqual(after)
      expect(result.outputs.actor).toBe('acme') // schedule has no sender
    } finally {
      await fresh.close()
    }
  })
})

describe('the bundle', () => {
  // A push is an event the action ignores: no request, exit 0, `state` says so.
  const push: WebhookEvent = { name: 'push', payload: { ref: 'refs/heads/main' } }

  it('runs dist/index.js exactly as the runner starts it (asRunner)', async () => {
    gh.clearRequests()
    const result = await runAction(gh, push, { asRunner: true })
    expect(result).toMatchObject({ exitCode: 0, stderr: '', errors: [] })
    expect(result.outputs.state).toBe('ignored')
    expect(gh.requests).toEqual([])
  })

  it('runs dist/main.js with test pacing by default, with the same outputs', async () => {
    const result = await runAction(gh, push)
    expect(result).toMatchObject({ exitCode: 0, stderr: '', errors: [] })
    expect(result.outputs.state).toBe('ignored')
  })
})

describe('helpers', () => {
  it('name inputs like the runner and parse both GITHUB_OUTPUT formats', () => {
    expect(inputEnvName('config-path')).toBe('INPUT_CONFIG-PATH')
    expect(inputEnvName('my input')).toBe('INPUT_MY_INPUT')
    expect(parseOutputFile('a<<ghadelimiter_1\nx\ny\nghadelimiter_1\nb=2\n')).toEqual({ a: 'x\ny', b: '2' })
  })

  it('writes a dotenv for @github/local-action', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'dotenv-')), '.env')
    const vars = writeDotenv(gh, gh.dispatchPayload(), path, { actionYml: STAND_IN.actionYml })
    const text = readFileSync(path, 'utf8')
    expect(text).toContain(`GITHUB_API_URL="${gh.url}"`)
    expect(text).toContain('INPUT_GITHUB-TOKEN="ghs_localtoken"')
    expect(JSON.parse(readFileSync(vars.GITHUB_EVENT_PATH!, 'utf8')).workflow).toBe('.github/workflows/escalation-desk.yml')
  })
})
