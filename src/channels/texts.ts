/** Canned user-facing texts: Vietnamese first, with a short English line. Plain text; channels escape. */

export const MAX_INPUT_CHARS = 2000;

/** Added to the engine's help in chat apps: how to choose a plan. */
export const PLAN_MENU_HINT = [
  'Gõ /kehoach để chọn kế hoạch bạn muốn hỏi.',
  'Hi! Ask me about provincial digital-economy plans; type /kehoach to pick a plan.',
].join('\n');

export const TOO_LONG = [
  `Câu hỏi dài quá (tối đa ${MAX_INPUT_CHARS} ký tự). Bạn vui lòng hỏi ngắn gọn hơn.`,
  `Your message is too long (max ${MAX_INPUT_CHARS} characters); please shorten it.`,
].join('\n');

export const RATE_LIMITED = ['Bạn gửi nhanh quá, vui lòng đợi một phút rồi hỏi tiếp.', 'You are sending messages too fast; please wait a minute.'].join('\n');

export const BUSY = [
  'Tôi đang trả lời các tin nhắn trước của bạn; tin nhắn gửi thêm lúc này sẽ không được trả lời. Bạn vui lòng đợi một chút.',
  'I am still answering your earlier messages; please wait for the replies before sending more.',
].join('\n');

export const UNSUPPORTED = [
  'Tôi chỉ đọc được tin nhắn chữ. Hãy gõ câu hỏi về kế hoạch kinh tế số, hoặc /help để xem ví dụ.',
  'I can only read text messages: type a question, or /help for examples.',
].join('\n');

export const FAILED = [
  'Xin lỗi, đã có lỗi khi trả lời câu hỏi này. Bạn vui lòng thử lại sau.',
  'Sorry, something went wrong answering this; please try again later.',
].join('\n');

export const CHOICE_EXPIRED = ['Lựa chọn này đã hết hạn, bạn vui lòng hỏi lại.', 'This choice has expired; please ask again.'].join('\n');

export const PICK_PLAN = 'Chọn kế hoạch bạn muốn hỏi: / Choose a plan:';
export const NO_PLANS = 'Chưa có kế hoạch nào được nạp. / No plans are loaded yet.';
export const PICK_BY_NUMBER = 'Trả lời bằng số để chọn. / Reply with a number to choose.';

export function planSelected(name: string): string {
  return `Đã chọn kế hoạch: ${name}. Bạn hãy đặt câu hỏi.\nPlan selected: ${name}. Ask away.`;
}

export function sourcesLine(lang: 'vi' | 'en', refs: string[]): string {
  return `${lang === 'en' ? 'Sources' : 'Nguồn'}: ${refs.join('; ')}`;
}

/** Left in place of the 👍/👎 buttons (and shown as the button's notice), or sent after a typed thumb: one short line. */
export const VOTE_THANKS = 'Cảm ơn bạn đã góp ý! / Thanks for your feedback!';
export const VOTE_UNKNOWN = 'Câu trả lời này đã cũ, không ghi nhận được. / This answer is too old to rate.';

/** A lone 👍/👎 with no answer right before it to rate. */
export const NOTHING_TO_RATE = [
  'Cảm ơn bạn! Hãy đặt câu hỏi về kế hoạch; sau mỗi câu trả lời, bạn có thể gửi 👍 hoặc 👎 để đánh giá.',
  'Thanks! Ask a question about the plans; after an answer, send 👍 or 👎 to rate it.',
].join('\n');
