/**
 * A tiny forward proxy, the kind a self-hosted runner sits behind: CONNECT tunnels (what undici's
 * ProxyAgent opens, for http and https targets alike) and absolute-form plain HTTP requests.
 * Every host is sent to 127.0.0.1 on the port asked for, so a made-up API host name (which
 * resolves nowhere, and which @actions/http-client does not exempt the way it exempts loopback
 * addresses) reaches the local GitHub only through here.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'

export interface HttpProxy {
  url: string
  /** `host:port` of every CONNECT tunnel and `METHOD url` of every plain request, in order. */
  readonly seen: string[]
  close(): Promise<void>
}

export async function startHttpProxy(): Promise<HttpProxy> {
  const seen: string[] = []
  const sockets = new Set<Socket>()
  const server = createServer((req, res) => forward(req, res, seen))
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    seen.push(req.url ?? '')
    const port = Number(new URL(`http://${req.url}`).port || 443)
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client).pipe(upstream)
    })
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => socket.destroy())
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function forward(req: IncomingMessage, res: ServerResponse, seen: string[]): void {
  seen.push(`${req.method} ${req.url}`)
  const target = new URL(req.url ?? '/')
  const upstream = request(
    { host: '127.0.0.1', port: target.port || 80, method: req.method, path: target.pathname + target.search, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    },
  )
  upstream.on('error', () => res.writeHead(502).end())
  req.pipe(upstream)
}
