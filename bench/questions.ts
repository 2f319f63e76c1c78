import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The question mix: every intent, asked as chat chains (a follow-up shares its chain's chat).
 * Every question names a real province or plan, or none, so its reply must be the same on
 * the five plans and on the 100× corpus — except those marked `corpusWide`, whose reply
 * lists or compares every plan in the corpus and so grows with it by design.
 */
export interface Turn {
  text: string;
  /** What the turn exercises (for the report), not necessarily the engine's intent name. */
  kind: string;
  /** The reply enumerates the corpus (plan list, unknown place, compare across all provinces). */
  corpusWide?: boolean;
  /**
   * False for questions written by others (the public eval samples): some name no plan, so at 100×
   * they may find a synthetic copy first; they are timed, not compared across scales.
   */
  sameAtScale?: boolean;
}

export type Chain = Turn[];

export const CHAINS: Chain[] = [
  // targets
  [{ text: 'Mục tiêu điện thoại thông minh năm 2030 ở Bình Thuận?', kind: 'target' }],
  [{ text: 'Tỷ lệ dân số trưởng thành có chữ ký số ở Huế năm 2026?', kind: 'target' }],
  [{ text: 'binh thuan dien thoai thong minh 2025', kind: 'target' }],
  [{ text: 'What is the fibre broadband target for Dak Lak in 2025?', kind: 'target' }],
  [{ text: 'Ai theo dõi chỉ tiêu hồ sơ sức khỏe điện tử ở Bình Thuận?', kind: 'target' }],
  [
    { text: 'Mục tiêu thương mại điện tử của Thừa Thiên Huế năm 2024?', kind: 'target' },
    { text: 'còn Bình Thuận?', kind: 'follow-up' },
    { text: 'năm 2030 thì sao?', kind: 'follow-up' },
  ],
  // leads, support, time, notes, about
  [{ text: 'Ai chủ trì nhiệm vụ 21 kế hoạch Huế 2026-2030?', kind: 'lead' }],
  [{ text: 'Who leads task 7.1 in Binh Thuan?', kind: 'lead' }],
  [{ text: 'Nhiệm vụ 46 Huế 2026-2030 phối hợp với đơn vị nào?', kind: 'lead' }],
  [
    { text: 'Ai chủ trì nhiệm vụ 5 ở Đắk Lắk?', kind: 'lead' },
    { text: 'nhiệm vụ đó thực hiện khi nào?', kind: 'follow-up' },
    { text: 'còn nhiệm vụ 6?', kind: 'follow-up' },
  ],
  [
    { text: 'Nhiệm vụ 12 kế hoạch chuyển đổi số Thừa Thiên Huế 2024 nói về gì?', kind: 'lead' },
    { text: 'ai phối hợp?', kind: 'follow-up' },
  ],
  // agency lists
  [{ text: 'Sở Y tế chủ trì những nhiệm vụ nào ở Huế 2026-2030?', kind: 'agency' }],
  [{ text: 'Sở Công Thương Bình Thuận chủ trì những nhiệm vụ nào?', kind: 'agency' }],
  [
    { text: 'Which tasks does the Department of Health lead in Dak Lak?', kind: 'agency' },
    { text: 'what about Binh Thuan?', kind: 'follow-up' },
  ],
  // comparisons
  [{ text: 'So sánh tỷ lệ chữ ký số giữa Huế và Bình Thuận', kind: 'compare' }],
  [{ text: 'So sánh mục tiêu điện thoại thông minh của Đắk Lắk và Bình Thuận', kind: 'compare' }],
  [{ text: 'So sánh mục tiêu chữ ký số năm 2030 giữa các tỉnh', kind: 'compare', corpusWide: true }],
  // plan facts
  [{ text: 'Ai ký kế hoạch 4181?', kind: 'plan' }],
  [{ text: 'Kế hoạch kinh tế số Huế 2026-2030 ban hành ngày nào?', kind: 'plan' }],
  [
    { text: 'Kế hoạch 284 thay thế kế hoạch nào?', kind: 'plan' },
    { text: 'ai ký?', kind: 'follow-up' },
  ],
  [{ text: 'Kế hoạch của Đắk Lắk có hạn báo cáo nào?', kind: 'plan' }],
  [{ text: 'Các kế hoạch hiện có?', kind: 'plan', corpusWide: true }],
  // topics
  [{ text: 'Thừa Thiên Huế có kế hoạch gì về thanh toán không dùng tiền mặt?', kind: 'topic' }],
  [{ text: 'Kế hoạch Bình Thuận nói gì về nền tảng số?', kind: 'topic' }],
  [{ text: 'Huế nói gì về nền tảng Hue-S?', kind: 'topic' }],
  [{ text: 'Đắk Lắk có gì về du lịch thông minh?', kind: 'topic' }],
  [
    { text: 'What does the Hue 2026-2030 plan say about data centres?', kind: 'topic' },
    { text: 'and Binh Thuan?', kind: 'follow-up' },
  ],
  // not found, small talk
  [{ text: 'Kế hoạch của Hà Giang?', kind: 'not-found', corpusWide: true }],
  [{ text: 'con mèo bay', kind: 'not-found' }],
  [{ text: 'Ai chủ trì nhiệm vụ 999 ở Bình Thuận?', kind: 'not-found' }],
  [{ text: 'Mục tiêu xe điện năm 2030 ở Huế?', kind: 'not-found' }],
  [
    { text: 'Xin chào', kind: 'small-talk', corpusWide: true },
    { text: 'cảm ơn', kind: 'small-talk' },
  ],
];

/**
 * The public eval samples (dev.jsonl, dev2.jsonl; `PLANBOT_EVAL_DIR`, default ../shared/eval),
 * one chain per chat, each question once: what people ask, harder than the mix above. Absent
 * files add nothing.
 */
export function evalChains(dir = process.env.PLANBOT_EVAL_DIR ?? resolve('..', 'shared', 'eval')): Chain[] {
  const chains = new Map<string, Chain>();
  for (const name of ['dev.jsonl', 'dev2.jsonl']) {
    const file = join(dir, name);
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const item = JSON.parse(line) as { chat: string; text: string };
      const key = `${name}:${item.chat}`;
      (chains.get(key) ?? chains.set(key, []).get(key)!).push({ text: item.text, kind: 'eval', sameAtScale: false });
    }
  }
  return [...chains.values()];
}

/** What the bench times: the mix above and the public eval samples. */
export const MIX: Chain[] = [...CHAINS, ...evalChains()];

/** Every question's text, for keeping synthetic names out of them. */
export function allText(chains: Chain[] = MIX): string {
  return chains.flatMap((c) => c.map((t) => t.text)).join('\n');
}
