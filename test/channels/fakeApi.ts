import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Call {
  path: string;
  /** Last path segment: the API method. */
  method: string;
  headers: IncomingMessage['headers'];
  body: any;
  /** The body's bytes (multipart uploads are not text). */
  raw: Buffer;
  at: number;
}

export interface FakeResponse {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
}

/** Responder returns undefined to fall through to the default response. */
export type Responder = (call: Call) => FakeResponse | undefined;

/** A local stand-in for a platform API: records every call and answers as scripted. */
export class FakeApi {
  readonly calls: Call[] = [];
  /** Time each response was fully written, by call index. */
  readonly answeredAt: number[] = [];
  private server: Server;
  private responders: Responder[] = [];

  constructor(private readonly fallback: Responder) {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        const text = raw.toString('utf8');
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : {};
        } catch {
          // keep raw text
        }
        const path = (req.url ?? '').split('?')[0]!;
        const call: Call = { path, method: path.split('/').pop()!, headers: req.headers, body, raw, at: Date.now() };
        const index = this.calls.push(call) - 1;
        const response = this.responders.map((r) => r(call)).find((r) => r !== undefined) ?? this.fallback(call)!;
        setTimeout(() => {
          res.writeHead(response.status ?? 200, { 'content-type': 'application/json', ...response.headers });
          res.end(typeof response.body === 'string' ? response.body : JSON.stringify(response.body), () => {
            this.answeredAt[index] = Date.now();
          });
        }, response.delayMs ?? 0);
      });
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Script responses; earlier responders win. Cleared by reset(). */
  on(responder: Responder): void {
    this.responders.push(responder);
  }

  reset(): void {
    this.calls.length = 0;
    this.answeredAt.length = 0;
    this.responders = [];
  }

  /** When the responses to `method` calls were fully written (undefined while pending). */
  answeredTimes(method: string): Array<number | undefined> {
    return this.calls.flatMap((c, i) => (c.method === method ? [this.answeredAt[i]] : []));
  }

  callsTo(method: string): Call[] {
    return this.calls.filter((c) => c.method === method);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export function fakeTelegram(): FakeApi {
  let messageId = 0;
  return new FakeApi((call) => {
    if (call.method === 'getMe') {
      return { body: { ok: true, result: { id: 42, is_bot: true, first_name: 'Plan', username: 'planbot_test' } } };
    }
    if (call.method === 'sendMessage') {
      messageId += 1;
      const result = { message_id: messageId, date: 0, chat: { id: call.body.chat_id, type: 'private' }, text: call.body.text };
      return { body: { ok: true, result } };
    }
    if (call.method === 'getUpdates') return { body: { ok: true, result: [] }, delayMs: 30 };
    return { body: { ok: true, result: true } };
  });
}

export function fakeZaloBot(): FakeApi {
  return new FakeApi(() => ({ body: { ok: true, result: { message_id: 'sent', date: 0 } } }));
}

export function fakeZaloOa(): FakeApi {
  return new FakeApi(() => ({ body: { error: 0, message: 'Success', data: { message_id: 'sent' } } }));
}

/** Poll until `check` returns a truthy value (bounded), else throw with `what`. */
export async function waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs = 3_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
