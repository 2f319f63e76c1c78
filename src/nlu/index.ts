/** The NLU pipeline: fold → language → entities → intent → topic. Each step is testable alone. */
import { foldWords } from '../text/fold.js';
import type { Lang } from '../answer/types.js';
import type { Catalog } from './catalog.js';
import { extractEntities, type Entities } from './entities.js';
import { classify, type Intent } from './intent.js';
import { detectLanguage } from './language.js';
import { EN_TOPICS } from './lexicon.js';

export interface Understanding {
  text: string;
  folded: string;
  lang: Lang;
  intent: Intent | null;
  entities: Entities;
  /** What a topic question is about ("nền tảng Hue-S"), folded. */
  topic: string | null;
  /** Starts like a follow-up ("còn …", "what about …"). */
  followUp: boolean;
}

const TOPIC_AFTER = /(?:noi gi ve|noi ve|de cap (?:gi )?(?:den|toi)|nhac (?:den|toi)|co gi ve|say about|says about|mention(?:s|ed)?|regarding|about|ve)\s+(.+)$/;
const TOPIC_NOISE =
  /\b(ke hoach|kh|nay|do|khong|a|and|con|thi sao|what about|how about|nhu the nao|the nao|ra sao|lay tu dau|tu dau|o dau|gi|kinh te so va xa hoi so|muc tieu|chi tieu|bao nhieu|phan tram|dat|la|nam|cua|co|cho|o|tai|plans?|targets?|goals?|objectives?|what|which|are|is|was|does|do|did|has|have|set|sets|the|for|in|of|by|to|an?)\b/g;

const EN_TOPIC_PATTERNS: [RegExp, string][] = EN_TOPICS.map(([en, vi]) => [new RegExp(String.raw`\b${en}s?\b`, 'g'), vi]);

function topicOf(folded: string, placesFolded: string[]): string | null {
  const m = TOPIC_AFTER.exec(folded);
  let t = m ? m[1]! : folded;
  for (const p of placesFolded) t = t.replace(new RegExp(String.raw`\b${p}\b(?!\s*s\b)`, 'g'), ' ');
  t = t.replace(/\b20\d\d\b/g, ' ').replace(TOPIC_NOISE, ' ').replace(/\s+/g, ' ').trim();
  // English topics are looked up in the plans' Vietnamese.
  for (const [re, vi] of EN_TOPIC_PATTERNS) t = t.replace(re, vi);

  return t.length >= 2 ? t : null;
}

export function understand(text: string, catalog: Catalog): Understanding {
  const folded = foldWords(text.replace(/(\p{L})'s\b/gu, '$1'));
  const entities = extractEntities(text, catalog);
  const intent = classify(folded, entities);
  const placeForms = catalog.places.filter((p) => entities.places.some((x) => x.name === p.name)).flatMap((p) => p.forms);
  return {
    text,
    folded,
    lang: detectLanguage(text),
    intent,
    entities,
    topic: intent === null || intent === 'topic' || intent === 'plan.info' || intent.startsWith('target.') ? topicOf(folded, placeForms) : null,
    followUp: /^(con|the con|vay con|what about|how about|and|same for|con voi)\b/.test(folded),
  };
}
