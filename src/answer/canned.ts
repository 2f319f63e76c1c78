/** Replies that need no plan: greeting, help, thanks, out of scope. */
import type { Corpus } from '../corpus/types.js';
import type { CannedIntent } from './intents.js';
import type { Lang, Reply } from './types.js';
import { examples } from './examples.js';
import { planNames } from './format.js';

export function cannedReply(intent: CannedIntent, lang: Lang, corpus: Corpus): Reply {
  const en = lang === 'en';
  // Built only for the replies that list the plans.
  const help = (): string[] => {
    const plans = planNames(corpus.plans, lang);
    return en
      ? [
          `I answer questions about ${corpus.plans.length} plans for the digital economy and digital transformation: ${plans}.`,
          'For example:',
          ...examples(corpus, 'en').map((x) => `- ${x}`),
        ]
      : [
          `Tôi trả lời câu hỏi về ${corpus.plans.length} kế hoạch kinh tế số, chuyển đổi số: ${plans}.`,
          'Ví dụ:',
          ...examples(corpus, 'vi').map((x) => `- ${x}`),
        ];
  };
  const make = (lines: string[], found: boolean, name: string): Reply => ({ reply: lines.join('\n'), found, intent: name, sources: [], lang: lang });
  switch (intent) {
    case 'greeting':
      return make(
        [en ? 'Hello! I am the plan assistant.' : 'Xin chào! Tôi là trợ lý tra cứu kế hoạch kinh tế số, chuyển đổi số.', ...help()],
        true,
        'greeting',
      );
    case 'help':
      return make(help(), true, 'help');
    case 'thanks':
      return make(
        [en ? 'You are welcome. Ask me anything else about the plans.' : 'Rất vui được giúp bạn. Bạn cứ hỏi thêm về các kế hoạch nhé.'],
        true,
        'thanks',
      );
    case 'out_of_scope':
      return make(
        [en ? 'Sorry, I only answer questions about these plans.' : 'Xin lỗi, tôi chỉ trả lời câu hỏi về các kế hoạch kinh tế số, chuyển đổi số.', ...help()],
        false,
        'out_of_scope',
      );
  }
}
