/** startChatReceiver(): stands in for a Slack incoming webhook and a Teams Workflows webhook.
 * Every request is kept (body, headers, mentions found); payloads the service would refuse or
 * mangle land in validationErrors; scripted faults answer like the services do under trouble. */
import { createServer, type IncomingMessage } from 'node:http'
import { mentionsIn } from './chat-shapes'
import { checkSlack } from './chat-slack'
import { checkTeams } from './chat-teams'

export type ChatKind = 'slack' | 'teams'

export interface ChatMessage {
  kind: ChatKind
  body: unknown
  headers: Record<string, string>
  /** `<@U…>`, `<!channel>`, `<!here>`, `<!subteam^…>`, `<at>…</at>`, `@everyone`… found in any text. */
  mentions: string[]
  /** The status answered. */
  status: number
}

export interface ChatValidationError {
  kind: ChatKind
  /** Index into `received`. */
  message: number
  path: string
  problem: string
  /** refused: the service answers an error (Slack) or drops the card (Teams, after its 202);
   * lossy: delivered, but something is lost (no notification text, truncation). */
  severity: 'refused' | 'lossy'
}

export type ChatFaultAnswer = { status: number; body?: string; headers?: Record<string, string> } | { timeoutMs: number }

/** Slack's documented webhook errors, by the name Slack answers in the body. */
export const SLACK_FAULTS = {
  rate_limited: { status: 429, body: 'rate_limited', headers: { 'retry-after': '1' } },
  server_error: { status: 500, body: '' },
  invalid_blocks: { status: 400, body: 'invalid_blocks' },
  invalid_token: { status: 403, body: 'invalid_token' },
  no_service: { status: 404, body: 'no_service' },
  channel_is_archived: { status: 410, body: 'channel_is_archived' },
} satisfies Record<string, ChatFaultAnswer>

const SLACK_PATH = '/services/T0LOCAL00/B0LOCAL00/localwebhooksecret000000'
const TEAMS_PATH = '/workflows/0a1b2c3d4e5f/triggers/manual/paths/invoke'

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export type ChatReceiver = Awaited<ReturnType<typeof startChatReceiver>>

export async function startChatReceiver() {
  const received: ChatMessage[] = []
  const validationErrors: ChatValidationError[] = []
  const faults: { kind: ChatKind; answer: ChatFaultAnswer }[] = []

  const server = createServer(async (req, res) => {
    const kind: ChatKind | undefined = req.url === SLACK_PATH ? 'slack' : req.url === TEAMS_PATH ? 'teams' : undefined
    const raw = await readBody(req)
    if (!kind || req.method !== 'POST')
      return res.writeHead(404, { 'content-type': 'text/plain' }).end(kind ? 'invalid_method' : 'no_service')
    let body: unknown
    let parsed = true
    try {
      body = JSON.parse(raw)
    } catch {
      parsed = false
      body = raw
    }
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]))
    const index = received.push({ kind, body, headers, mentions: parsed ? mentionsIn(body) : [], status: 0 }) - 1
    const note = (severity: ChatValidationError['severity']) => (p: { path: string; message: string }) =>
      validationErrors.push({ kind, message: index, path: p.path, problem: p.message, severity })
    let answer: { status: number; body: string; headers?: Record<string, string> }
    if (!parsed) {
      note('refused')({ path: 'body', message: 'not JSON' })
      answer =
        kind === 'slack'
          ? { status: 400, body: 'invalid_payload' }
          : {
              status: 400,
              body: JSON.stringify({ error: { code: 'InvalidRequestContent', message: 'The request content is not valid JSON.' } }),
            }
    } else if (kind === 'slack') {
      const check = checkSlack(body)
      check.refused.forEach(note('refused'))
      check.lossy.forEach(note('lossy'))
      answer = check.answer
    } else {
      checkTeams(body, Buffer.byteLength(raw)).forEach(note('refused'))
      answer = { status: 202, body: '', headers: { 'x-ms-workflow-run-id': `0858${String(index).padStart(6, '0')}` } }
    }
    const faultIndex = faults.findIndex((f) => f.kind === kind)
    if (faultIndex >= 0) {
      const fault = faults.splice(faultIndex, 1)[0]!.answer
      if ('timeoutMs' in fault) {
        setTimeout(() => req.socket.destroy(), fault.timeoutMs)
        return
      }
      answer = { body: '', ...fault }
    }
    received[index]!.status = answer.status
    res
      .writeHead(answer.status, { 'content-type': kind === 'slack' ? 'text/html' : 'application/json', ...answer.headers })
      .end(answer.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('chat receiver: no TCP address')
  const base = `http://127.0.0.1:${address.port}`

  return {
    slackUrl: `${base}${SLACK_PATH}`,
    teamsUrl: `${base}${TEAMS_PATH}`,
    received: received as readonly ChatMessage[],
    validationErrors: validationErrors as readonly ChatValidationError[],
    faults: {
      /** The next request to `kind` gets this answer (a Slack error name, or status/body/headers, or a hang). */
      push(kind: ChatKind, answer: ChatFaultAnswer | keyof typeof SLACK_FAULTS) {
        faults.push({ kind, answer: typeof answer === 'string' ? SLACK_FAULTS[answer] : answer })
      },
      clear() {
        faults.length = 0
      },
    },
    /** Forgets what was received (and its validation errors), e.g. between test steps. */
    clear() {
      received.length = 0
      validationErrors.length = 0
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
