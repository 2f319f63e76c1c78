import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answer/engine.js';
import { PNG_SCALE } from '../../src/channels/web/chartPng.js';
import { BAR_COLOR, BAR_X } from '../../src/channels/web/shared/chartSvg.js';
import { fakeTelegram, waitFor, type Call } from '../channels/fakeApi.js';
import { post, startServer, TG_SECRET, TG_TOKEN, type Harness } from '../channels/harness.js';
import { corpus } from '../helpers.js';
import { pngBars } from './pngBars.js';

const tg = fakeTelegram();
let h: Harness;

beforeAll(async () => {
  const root = await tg.listen();
  const engine = createAnswerer(corpus());
  h = await startServer({ env: { TELEGRAM_BOT_TOKEN: TG_TOKEN, TELEGRAM_WEBHOOK_SECRET: TG_SECRET, TELEGRAM_API_ROOT: root }, getAnswerer: () => engine });
});
afterAll(async () => {
  await h.stop();
  await tg.close();
});

/** The parts of a multipart/form-data body, by field name. */
function formParts(call: Call): Map<string, Buffer> {
  const raw = call.raw;
  const boundary = /boundary=(.+)$/.exec(String(call.headers['content-type']))![1]!;
  const parts = new Map<string, Buffer>();
  let at = raw.indexOf(`--${boundary}`);
  while (at >= 0) {
    const next = raw.indexOf(`--${boundary}`, at + boundary.length + 2);
    if (next < 0) break;
    const part = raw.subarray(at + boundary.length + 4, next - 2);
    const headEnd = part.indexOf('\r\n\r\n');
    const name = /name="([^"]+)"/.exec(part.subarray(0, headEnd).toString())![1]!;
    parts.set(name, part.subarray(headEnd + 4));
    at = next;
  }
  return parts;
}

describe('Telegram: a comparison as a photo', () => {
  it('sends the chart as a PNG with the answer as its caption; other answers stay text', async () => {
    const update = (id: number, text: string) => ({
      update_id: id,
      message: { message_id: id, date: 0, chat: { id: 77, type: 'private' }, from: { id: 77, is_bot: false, first_name: 'Dân' }, text },
    });
    const hook = (body: unknown) => post(`${h.url}/telegram/webhook`, body, { 'x-telegram-bot-api-secret-token': TG_SECRET });
    expect((await hook(update(1, 'So sánh mục tiêu chữ ký số năm 2030 giữa các tỉnh'))).status).toBe(200);
    const [photo] = await waitFor('a photo', () => tg.callsTo('sendPhoto').length > 0 && tg.callsTo('sendPhoto'));
    expect(String(photo!.headers['content-type'])).toContain('multipart/form-data');
    const parts = formParts(photo!);
    expect(parts.get('chat_id')?.toString()).toBe('77');
    expect(parts.get('caption')?.toString('utf8')).toContain('Mục tiêu chữ ký số năm 2030 theo từng kế hoạch');
    const png = parts.get('photo')!;
    expect(pngBars(png, BAR_COLOR, PNG_SCALE * BAR_X + 3).bars).toBe(3);
    expect(tg.callsTo('sendMessage')).toHaveLength(0);

    await hook(update(2, 'Ai chủ trì nhiệm vụ 21 kế hoạch Huế 2026-2030?'));
    await waitFor('a text reply', () => tg.callsTo('sendMessage').length > 0);
    expect(tg.callsTo('sendPhoto')).toHaveLength(1);
  });
});
