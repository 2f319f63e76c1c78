/** Replies that need no plan: greeting, help, thanks, out of scope. */
import type { Corpus } from '../corpus/types.js';
import type { CannedIntent } from './intents.js';
import type { Understanding } from '../nlu/index.js';
import type { Reply } from './types.js';
import { examples } from './examples.js';
import { planNames } from './format.js';

export function cannedReply(intent: CannedIntent, u: Understanding, corpus: Corpus): Reply {
  const en = u.lang === 'en';
  // Built only for the replies that list the plans.
  const help = (): string[] => {
    const plans = planNames(corpus.plans, u.lang);
    return en
    ? [`I answer questions about ${corpus.plans.length} plans for the digital economy and digital transformation: ${plans}.`, 'For example:', ...examples(corpus, 'en').map((x) => `- ${x}`)]
    : [`Tôi trả lời câu hỏi về ${corpus.plans.length} kế hoạch kinh tế số, chuyển đổi số: ${plans}.`, 'Ví dụ:', ...examples(corpus, 'vi').map((x) => `- ${x}`)];
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
