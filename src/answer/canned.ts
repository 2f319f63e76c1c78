/** Replies that need no plan: greeting, help, thanks, out of scope. */
import type { Corpus } from '../corpus/types.js';
import type { CannedIntent } from './intents.js';
import type { Understanding } from '../nlu/index.js';
import type { Reply } from './types.js';
import { planNames } from './format.js';

const EXAMPLES_VI = [
  'Ai chủ trì nhiệm vụ 21 kế hoạch Huế 2026-2030?',
  'Mục tiêu điện thoại thông minh năm 2030 ở Bình Thuận?',
  'Sở Y tế chủ trì những nhiệm vụ nào?',
  'Ai ký kế hoạch 4181?',
  'Kế hoạch Huế 2026-2030 nói gì về Hue-S?',
];
const EXAMPLES_EN = ['Who leads task 7.1 in Binh Thuan?', 'What is Hue’s 2026 fibre broadband target?', 'Who signed the Dak Lak plan?'];

export function cannedReply(intent: CannedIntent, u: Understanding, corpus: Corpus): Reply {
  const en = u.lang === 'en';
  // Built only for the replies that list the plans.
  const help = (): string[] => {
    const plans = planNames(corpus.plans, u.lang);
    return en
    ? [`I answer questions about ${corpus.plans.length} plans for the digital economy and digital transformation: ${plans}.`, 'For example:', ...EXAMPLES_EN.map((x) => `- ${x}`)]
    : [`Tôi trả lời câu hỏi về ${corpus.plans.length} kế hoạch kinh tế số, chuyển đổi số: ${plans}.`, 'Ví dụ:', ...EXAMPLES_VI.map((x) => `- ${x}`)];
  };
  const make = (lines: string[], found: boolean, name: string): Reply => ({ reply: lines.join('\n'), found, intent: name, sources: [], lang: u.lang });
  switch (intent) {
    case 'greeting':
      return make([en ? 'Hello! I am the plan assistant.' : 'Xin chào! Tôi là trợ lý tra cứu kế hoạch kinh tế số, chuyển đổi số.', ...help()], true, 'greeting');
    case 'help':
      return make(help(), true, 'help');
    case 'thanks':
      return make([en ? 'You are welcome. Ask me anything else about the plans.' : 'Rất vui được giúp bạn. Bạn cứ hỏi thêm về các kế hoạch nhé.'], true, 'thanks');
    case 'out_of_scope':
      return make([en ? 'Sorry, I only answer questions about these plans.' : 'Xin lỗi, tôi chỉ trả lời câu hỏi về các kế hoạch kinh tế số, chuyển đổi số.', ...help()], false, 'out_of_scope');
  }
}
