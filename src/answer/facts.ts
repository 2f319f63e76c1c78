/** Plan facts: number, date, signer, what it replaces, deadlines, a summary, and the list of plans. */
import type { Corpus, Plan } from '../corpus/types.js';
import { clip, enDate, planLabel, source, viDate } from './format.js';
import { combine, type Answer, type PlanAnswer, type Query } from './query.js';

function missing(plan: Plan, q: Query, vi: string, en: string): PlanAnswer {
  return {
    plan,
    found: false,
    lines: [q.lang === 'en' ? `The text of ${plan.shortName} does not give ${en}.` : `Văn bản ${plan.shortName} không ghi ${vi}.`],
    sources: [],
  };
}

function fact(plan: Plan, q: Query): PlanAnswer {
  const en = q.lang === 'en';
  const cite = [source(plan, null)];
  switch (q.intent) {
    case 'plan.signer': {
      if (!plan.signer) return missing(plan, q, 'người ký', 'who signed it');
      const title = plan.signerTitle ?? '';
      const issuer = plan.issuer ?? 'UBND';
      const line = en
        ? `${planLabel(plan)} was signed by ${plan.signer}${title ? `, ${title === 'Phó Chủ tịch' ? 'Vice Chairman' : 'Chairman'} of the People’s Committee (${title} ${issuer})` : ''}.`
        : `${planLabel(plan)} do ${title ? `${title} ${issuer} ` : ''}${plan.signer} ký${title === 'Phó Chủ tịch' ? ' (KT. Chủ tịch)' : ''}.`;
      return { plan, found: true, lines: [line], sources: cite };
    }
    case 'plan.date': {
      if (!plan.date) return missing(plan, q, 'ngày ban hành', 'the date it was issued');
      return {
        plan,
        found: true,
        lines: [en ? `${planLabel(plan)} was issued on ${enDate(plan.date)}.` : `${planLabel(plan)} ban hành ngày ${viDate(plan.date)}.`],
        sources: cite,
      };
    }
    case 'plan.number': {
      if (!plan.number) return missing(plan, q, 'số kế hoạch', 'its number');
      return {
        plan,
        found: true,
        lines: [en ? `${plan.shortName} is plan no. ${plan.number}.` : `${plan.shortName} là Kế hoạch số ${plan.number}.`],
        sources: cite,
      };
    }
    case 'plan.replaces': {
      if (!plan.replaces) return missing(plan, q, 'việc thay thế kế hoạch nào', 'that it replaces another plan');
      return {
        plan,
        found: true,
        lines: [en ? `${plan.shortName} replaces ${plan.replaces}.` : `${plan.shortName} thay thế ${plan.replaces}.`],
        sources: cite,
      };
    }
    case 'plan.deadline': {
      if (!plan.deadlines.length) return missing(plan, q, 'thời hạn báo cáo nào', 'any deadline');
      const lines = plan.deadlines.map(
        (d) => `${en ? 'By' : 'Trước ngày'} ${en ? enDate(d.date) : viDate(d.date)}: ${clip(sentenceWith(d.text, 'trước'), 240)}`,
      );
      return { plan, found: true, lines, sources: cite };
    }
    default:
      return { plan, found: true, lines: summary(plan, q), sources: cite };
  }
}

/** The sentence of a paragraph that holds `word`. */
function sentenceWith(text: string, word: string): string {
  return text.split(/(?<=[.;])\s+/).find((s) => s.includes(word)) ?? text;
}

function summary(plan: Plan, q: Query): string[] {
  const en = q.lang === 'en';
  const issued = plan.number
    ? `${en ? 'No.' : 'Số'} ${plan.number}${plan.date ? `, ${en ? 'issued' : 'ban hành ngày'} ${en ? enDate(plan.date) : viDate(plan.date)}` : ''}`
    : en
      ? 'number and date not given in the text'
      : 'văn bản không ghi số và ngày';
  const years = plan.yearFrom === plan.yearTo ? `${plan.yearTo}` : `${plan.yearFrom}–${plan.yearTo}`;
  const targetYears = [...new Set(plan.targets.map((t) => t.year))].sort().join(', ');
  return [
    `${plan.title} (${plan.shortName}).`,
    `${issued}.`,
    en
      ? `Period ${years}; signed by ${plan.signer ?? 'unknown'}${plan.signerTitle ? ` (${plan.signerTitle})` : ''}.`
      : `Giai đoạn ${years}; người ký: ${plan.signer ?? 'không rõ'}${plan.signerTitle ? ` (${plan.signerTitle})` : ''}.`,
    en
      ? `${plan.targets.length} targets (years ${targetYears || '—'}), ${plan.tasks.length} appendix tasks.`
      : `${plan.targets.length} chỉ tiêu (năm ${targetYears || '—'}), ${plan.tasks.length} nhiệm vụ trong phụ lục.`,
    en
      ? 'Ask e.g. "who leads task 5?" or "smartphone target 2025?".'
      : 'Bạn có thể hỏi tiếp, ví dụ: "nhiệm vụ 5 ai chủ trì?", "mục tiêu điện thoại thông minh?".',
  ];
}

export function answerPlanFact(q: Query): Answer {
  const answers = q.plans.map((p) => fact(p, q));
  return combine(q, answers, () => (q.lang === 'en' ? 'The texts do not say.' : 'Các văn bản không ghi thông tin này.'));
}

/** A list longer than this would be a wall of text in a chat. */
const PLAN_LIST_MAX = 50;

export function answerPlanList(corpus: Corpus, q: Query): Answer {
  const en = q.lang === 'en';
  return {
    found: true,
    lines: [
      en ? `I know ${corpus.plans.length} plans:` : `Hiện có ${corpus.plans.length} kế hoạch:`,
      ...corpus.plans.slice(0, PLAN_LIST_MAX).map((p, i) => `${i + 1}. ${p.shortName}: ${clip(p.title, 140)}${p.number ? ` (${p.number})` : ''}`),
      ...(corpus.plans.length > PLAN_LIST_MAX
        ? [
            en
              ? `… and ${corpus.plans.length - PLAN_LIST_MAX} more: name a province to narrow the list.`
              : `… và ${corpus.plans.length - PLAN_LIST_MAX} kế hoạch khác: nêu tên tỉnh để thu hẹp danh sách.`,
          ]
        : []),
    ],
    sources: corpus.plans.slice(0, PLAN_LIST_MAX).map((p) => source(p, null)),
  };
}
