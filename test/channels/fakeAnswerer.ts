import type { Answerer, PlanSummary, Reply } from '../../src/answer/types.js';

/** One reply object handed out again and again, as the engine does for a repeated question; `note` is not in the API schema. */
const SAME = {
  found: true,
  intent: 'test',
  lang: 'vi' as const,
  sources: [],
  reply: 'Nhiệm vụ 21: Sở Thông tin và Truyền thông chủ trì.\n"Nguồn": KH 284',
  note: 'internal',
} as Reply;

/** Scripted Answerer: behaviour chosen by the question text. */
export class FakeAnswerer implements Answerer {
  readonly asked: Array<{ chatId: string; text: string }> = [];
  readonly selected = new Map<string, string>();

  constructor(private readonly label = 'echo') {}

  help(lang: 'vi' | 'en'): string {
    return lang === 'en' ? 'Ask me about the plans, e.g. "Who leads task 1?"' : 'Hỏi tôi về các kế hoạch, ví dụ: "Ai chủ trì nhiệm vụ 1?"';
  }

  ask(chatId: string, text: string): Reply {
    this.asked.push({ chatId, text });
    const base = { found: true, intent: 'test', lang: 'vi' as const, sources: [] };
    if (text === 'boom') throw new Error('answerer exploded');
    if (text === 'long') {
      // 100 lines of 49 characters + newline = 5,000 characters.
      const lines = Array.from({ length: 100 }, (_, i) => `dòng ${String(i).padStart(3, '0')} `.padEnd(49, 'x'));
      return { ...base, reply: lines.join('\n') };
    }
    if (text === 'choose') {
      return {
        ...base,
        found: false,
        intent: 'clarify',
        reply: 'Bạn hỏi kế hoạch nào?',
        choices: [
          { label: 'Huế 2026-2030', text: 'mục tiêu Huế' },
          { label: 'Bình Thuận', text: 'mục tiêu Bình Thuận' },
        ],
      };
    }
    if (text === 'same') return SAME;
    if (text === 'nothing') return { ...base, found: false, intent: 'topic', reply: 'Các kế hoạch không nói về điều này.' };
    if (text === 'cite') {
      return { ...base, reply: 'Sở TT&TT chủ trì.', sources: [{ plan: 'hue', ref: 'KH 284/KH-UBND, nhiệm vụ 21' }] };
    }
    const plan = this.selected.get(chatId);
    return { ...base, reply: `${this.label}: ${text}${plan ? ` [${plan}]` : ''}` };
  }

  plans(): PlanSummary[] {
    return [
      { id: 'hue-2026', shortName: 'Huế 2026-2030', title: 'Kế hoạch kinh tế số Huế', number: '284/KH-UBND' },
      { id: 'binh-thuan', shortName: 'Bình Thuận 2025-2030', title: 'Kế hoạch Bình Thuận', number: null },
    ];
  }

  selectPlan(chatId: string, planId: string): boolean {
    if (!this.plans().some((p) => p.id === planId)) return false;
    this.selected.set(chatId, planId);
    return true;
  }
}
