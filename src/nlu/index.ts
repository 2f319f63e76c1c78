/** The NLU pipeline: fold → language → entities → intent → topic. Each step is testable alone. */
import type { Lang } from '../answer/types.js';
import type { Catalog } from './catalog.js';
import { extractEntities, type Entities } from './entities.js';
import { classify, type Intent } from './intent.js';
import { detectLanguage } from './language.js';
import { foldSpelt, spellCased } from './shorthand.js';
import { slotsOf, type Slot } from './slots.js';
import { contentRuns, toPlanWords } from './terms.js';

export interface Understanding {
  text: string;
  folded: string;
  lang: Lang;
  intent: Intent | null;
  entities: Entities;
  /** What a topic question is about ("nền tảng Hue-S"), folded. */
  topic: string | null;
  /** An explicit "về …" / "about …" restriction ("nhiệm vụ nào về an toàn thông tin"), folded. */
  about: string | null;
  /** Starts like a follow-up ("còn …", "what about …"). */
  followUp: boolean;
  /** The parts of a record asked for (lead, time, value, yes/no…). */
  slots: Set<Slot>;
  /** Content words in runs, plan reference and question words left out: what retrieval looks for. */
  runs: string[][];
}

/** Where a question's clauses break: the words on either side belong to different phrases. */
const CLAUSE_BREAK = /[,;:?!()[\]"“”…]+|\.(?=\s|$)|\s[-–—]\s/;

const TOPIC_AFTER =
  /(?:noi gi ve|noi ve|de cap (?:gi )?(?:den|toi)|nhac (?:den|toi)|co gi ve|say about|says about|mention(?:s|ed)?|regarding|about|ve)\s+(.+)$/;
const TOPIC_NOISE =
  /\b(ke hoach|kh|nay|do|khong|a|and|con|thi sao|what about|how about|nhu the nao|the nao|ra sao|lay tu dau|tu dau|o dau|gi|kinh te so va xa hoi so|muc tieu|chi tieu|bao nhieu|phan tram|dat|la|nam|cua|co|cho|o|tai|plans?|targets?|goals?|objectives?|what|which|are|is|was|does|do|did|has|have|set|sets|the|for|in|of|by|to|an?)\b/g;

/** "… trong kế hoạch chuyển đổi số Thừa Thiên Huế 2024": the plan reference, not the topic. */
const PLAN_TAIL = /\s(?:trong|cua|o|tai|thuoc|in|of)\s+(?:ke hoach|kh|the .*plan|plan)\b.*$/;

function topicOf(folded: string, placesFolded: string[]): string | null {
  const m = TOPIC_AFTER.exec(folded);
  return clean(m ? m[1]! : folded, placesFolded);
}

/** A phrase without the plan reference, places, years, cue words; English mapped to the plans' words. */
function clean(phrase: string, placesFolded: string[]): string | null {
  let t = phrase.replace(PLAN_TAIL, '');
  for (const p of placesFolded) t = t.replace(new RegExp(String.raw`\b${p}\b(?!\s*s\b)`, 'g'), ' ');
  t = t
    .replace(/\b20\d\d\b/g, ' ')
    .replace(TOPIC_NOISE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // English topics are looked up in the plans' Vietnamese.
  t = toPlanWords(t);

  // A topic is a phrase: the first words are enough, and a pasted page must not cost seconds.
  t = t.split(' ').slice(0, MAX_TOPIC_WORDS).join(' ');
  return t.length >= 2 ? t : null;
}

const MAX_TOPIC_WORDS = 12;

export function understand(text: string, catalog: Catalog): Understanding {
  const spelt = spellCased(text);
  const clauses = spelt
    .replace(/(\p{L})'s\b/gu, '$1')
    .split(CLAUSE_BREAK)
    .map((c) => foldSpelt(c))
    .filter(Boolean);
  const folded = clauses.join(' ');
  const entities = extractEntities(spelt, catalog);
  const intent = classify(folded, entities);
  const lang = detectLanguage(text);
  const placeForms = catalog.places.filter((p) => entities.places.some((x) => x.name === p.name)).flatMap((p) => p.forms);
  const about = TOPIC_AFTER.exec(folded);
  return {
    text,
    folded,
    lang,
    intent,
    entities,
    topic: intent === null || intent === 'topic' || intent === 'plan.info' || intent.startsWith('target.') ? topicOf(folded, placeForms) : null,
    about: about ? clean(about[1]!, placeForms) : null,
    followUp: /^(con|the con|vay con|the|what about|how about|and|same for|con voi)\b|\bthi sao$/.test(folded),
    slots: slotsOf(clauses),
    runs: contentRuns(clauses, [...placeForms, ...entities.planNumbers], lang === 'en'),
  };
}
