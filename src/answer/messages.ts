/**
 * The replies' own words, Vietnamese and English side by side: one place to read and change
 * them, and a message without its English (or Vietnamese) does not compile.
 */
import type { Lang } from './types.js';

interface Message {
  vi: (...args: string[]) => string;
  en: (...args: string[]) => string;
}

export const MESSAGES = {
  askTask: {
    vi: () => 'Bạn hỏi nhiệm vụ số mấy? Ví dụ: "Ai chủ trì nhiệm vụ 21?"',
    en: () => 'Which task number? For example: "who leads task 21?"',
  },
  askAgency: {
    vi: () => 'Bạn hỏi cơ quan nào? Ví dụ: "Sở Y tế chủ trì những nhiệm vụ nào?"',
    en: () => 'Which agency? For example: "Which tasks does the Department of Health lead?"',
  },
  askIndicator: {
    vi: () => 'Bạn hỏi chỉ tiêu nào? Ví dụ: điện thoại thông minh, chữ ký số, thương mại điện tử, cáp quang.',
    en: () => 'Which indicator? For example: smartphones, digital signatures, e-commerce, fibre broadband.',
  },
  askContent: {
    vi: () => 'Bạn muốn tìm nội dung gì trong kế hoạch? Ví dụ: "Kế hoạch Huế nói gì về Hue-S?"',
    en: () => 'What should I look for in the plans? For example: "What does the Hue plan say about Hue-S?"',
  },
  notUnderstood: {
    vi: () => 'Xin lỗi, tôi không tìm thấy nội dung này trong các kế hoạch.',
    en: () => 'Sorry, I could not find that in the plans.',
  },
  tryAsking: { vi: (a, b) => `Bạn thử hỏi: "${a}" hoặc "${b}"`, en: (a, b) => `Try: "${a}" or "${b}"` },
  thesePlans: { vi: () => 'các kế hoạch này', en: () => 'these plans' },
  notIn: { vi: (where) => `Không thấy nội dung này trong ${where}.`, en: (where) => `I did not find this in ${where}.` },
  didYouMean: { vi: () => 'Ý bạn là:', en: () => 'Did you mean:' },
  yesSays: { vi: () => 'Có. Kế hoạch ghi:', en: () => 'Yes. The plan says:' },
  task: { vi: (n) => `Nhiệm vụ ${n}`, en: (n) => `Task ${n}` },
  target: { vi: (plan, year) => `Chỉ tiêu (${plan}, ${year})`, en: (plan, year) => `Target (${plan}, ${year})` },
  year: { vi: (y) => `Năm ${y}`, en: (y) => `${y}` },
  askTaskOf: { vi: (n, plan) => `Nhiệm vụ ${n} kế hoạch ${plan}`, en: (n, plan) => `Who leads task ${n} of plan ${plan}?` },
  whichPlan: { vi: () => 'Nhiều kế hoạch có thông tin này. Bạn hỏi kế hoạch nào?', en: () => 'Several plans have this. Which plan do you mean?' },
  noPlanForPlace: { vi: (place) => `Chưa có kế hoạch của ${place} trong dữ liệu.`, en: (place) => `There is no plan for ${place} in these documents.` },
  noPlanFits: { vi: () => 'Không có kế hoạch nào khớp địa phương và giai đoạn này.', en: () => 'No plan matches that place and period.' },
  plansKnown: { vi: (names) => `Các kế hoạch hiện có: ${names}.`, en: (names) => `The plans I know: ${names}.` },
  planNotLoaded: {
    vi: (n) => `Kế hoạch số ${n} không có trong các kế hoạch đã nạp, nên không trả lời được câu này.`,
    en: (n) => `Plan no. ${n} is not among the loaded plans, so I cannot say that about it.`,
  },
  citedIn: { vi: (names) => `Kế hoạch này được nhắc tới trong: ${names}.`, en: (names) => `It is cited in: ${names}.` },
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof MESSAGES;

/** A message in the reply's language. */
export function say<K extends MessageKey>(lang: Lang, key: K, ...args: Parameters<(typeof MESSAGES)[K]['vi']>): string {
  return (MESSAGES[key][lang] as (...a: string[]) => string)(...args);
}
