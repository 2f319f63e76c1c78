/** Answers about appendix tasks: lead, partners, time, note, content; and the tasks an agency leads. */
import type { Passage, Plan, Task } from '../corpus/types.js';
import { AgencyNamer, clip, placeWhere, source, taskWhere, unbullet } from './format.js';
import { combine, type Answer, type Env, type PlanAnswer, type Query } from './query.js';
import { contentWords, rankByPhrase } from './topic.js';
import { fold, foldWords } from '../text/fold.js';

/**
 * The rows numbered so in a plan; where numbering restarts per part, the part named by its code
 * ("phần II", "phần B") or by words of its heading ("giải pháp", "nền móng").
 */
function findTasks(plan: Plan, number: string, part: string | null, runs: string[][]): Task[] {
  const all = plan.tasks.filter((t) => t.number === number);
  if (all.length < 2) return all;
  const byCode = part ? all.filter((t) => t.partCode === part) : [];
  if (byCode.length) return byCode;
  const phrases = runs.filter((r) => r.length >= 2).map((r) => ` ${r.join(' ')} `);
  const byWords = all.filter((t) => t.part && phrases.some((p) => ` ${foldWords(t.part!)} `.includes(p)));
  return byWords.length ? byWords : all;
}

/** Why a number is absent: the range, and the gap it falls in. */
function missingTask(plan: Plan, number: string, q: Query): string {
  const en = q.lang === 'en';
  if (!plan.tasks.length) {
    return en
      ? `${plan.shortName} has no task appendix in the text, so it has no task ${number}.`
      : `${plan.shortName} không kèm phụ lục nhiệm vụ trong văn bản, nên không có nhiệm vụ ${number}.`;
  }
  const ints = plan.tasks.map((t) => Number(t.number));
  const n = Number(number);
  let why = '';
  if (ints.every(Number.isInteger) && Number.isInteger(n)) {
    const below = Math.max(...ints.filter((x) => x < n), -Infinity);
    const above = Math.min(...ints.filter((x) => x > n), Infinity);
    if (Number.isFinite(below) && Number.isFinite(above)) {
      why = en ? ` Its numbering jumps from ${below} to ${above}.` : ` Số thứ tự nhảy từ ${below} lên ${above}.`;
    } else {
      const lo = Math.min(...ints),
        hi = Math.max(...ints);
      why = en ? ` Its tasks are numbered ${lo} to ${hi}.` : ` Các nhiệm vụ được đánh số từ ${lo} đến ${hi}.`;
    }
  } else {
    // Hierarchical numbering (1.1, 1.2 … per part): list what there is.
    const list = [...new Set(plan.tasks.map((t) => t.number))].join(', ');
    why = en ? ` Its tasks are numbered ${list}.` : ` Các nhiệm vụ có số: ${list}.`;
  }
  return en ? `${plan.shortName} has no task ${number}.${why}` : `${plan.shortName} không có nhiệm vụ ${number}.${why}`;
}

/** A task row read for the question: the asked field first, then the others that place it. */
export function describeTask(task: Task, q: Query, namer: AgencyNamer): string[] {
  const en = q.lang === 'en';
  const head = `${en ? 'Task' : 'Nhiệm vụ'} ${task.number}${task.part ? ` (${task.part})` : ''}: ${clip(task.title, 260)}`;
  const lead = task.lead.length ? namer.list(task.lead, task.leadIds) : en ? 'not stated' : 'không ghi';
  const support = task.support.length ? namer.list(task.support, task.supportIds) : en ? 'none listed' : 'không ghi';
  const time = task.time ?? (en ? 'not stated' : 'không ghi');
  const L = en
    ? { lead: 'Lead', support: 'Partners', time: 'Time', note: 'Note' }
    : { lead: 'Chủ trì', support: 'Phối hợp', time: 'Thời gian', note: 'Ghi chú' };
  const lines: Record<string, string> = {
    lead: `${L.lead}: ${lead}.`,
    support: `${L.support}: ${support}.`,
    time: `${L.time}: ${time}.`,
    note: task.note ? `${L.note}: ${task.note}.` : `${L.note}: ${en ? 'none' : 'không có'}.`,
  };
  const order: Record<string, string[]> = {
    'task.lead': ['lead', 'support', 'time'],
    'task.support': ['support', 'lead', 'time'],
    'task.time': ['time', 'lead'],
    'task.note': ['note', 'lead', 'time'],
    'task.about': ['lead', 'support', 'time'],
  };
  // The appendix's own columns where it has them: the expected output and the funding.
  const extra = [
    ...(task.output ? [`${en ? 'Output' : 'Sản phẩm'}: ${task.output}.`] : []),
    ...(task.funding ? [`${en ? 'Funding' : 'Kinh phí'}: ${task.funding}.`] : []),
  ];
  const asked = q.slots.has('output') || q.slots.has('funding');
  const fields = (order[q.intent] ?? order['task.lead']!).map((k) => lines[k]!);
  const out = asked ? [head, ...extra, ...fields] : [head, ...fields, ...extra];
  if (q.intent === 'task.about' && task.section.length)
    out.push(`${en ? 'Section' : 'Thuộc'}: ${[...(task.part ? [task.part] : []), ...task.section].join(' › ')}.`);
  if (task.note && q.intent !== 'task.note') out.push(lines.note!);
  if (task.flags.includes('duplicate-number')) {
    out.push(en ? `(The appendix numbers two rows ${task.number}.)` : `(Phụ lục có hai dòng cùng số ${task.number}.)`);
  }
  if (task.flags.includes('odd-time')) out.push(en ? '(The time is written as in the source.)' : '(Thời gian ghi đúng như văn bản.)');
  return out;
}

/** The tasks whose titles hold most of the words, in the candidate plans, best first. */
function tasksByTitle(q: Query, env: Env, title: string, limit = Infinity): Task[] {
  const words = contentWords(title);
  if (!words.some((w) => /[a-z]{2}/.test(w))) return [];
  const docs = q.plans.flatMap((p) => env.index.docsOf(p.id).filter((d) => d.task));
  return rankByPhrase(words, docs)
    .slice(0, limit)
    .map((d) => d.task!);
}

export function answerTask(q: Query, env: Env): Answer {
  const { number, part } = q.task!;
  const namer = new AgencyNamer(env.agencies, q.lang);
  const answers: PlanAnswer[] = q.plans.map((plan) => {
    const tasks = findTasks(plan, number, part, q.runs);
    if (!tasks.length) return { plan, found: false, lines: [missingTask(plan, number, q)], sources: [] };
    return {
      plan,
      // Asked when, and the row gives no time: shown, but not found.
      found: !(q.intent === 'task.time' && tasks.every((t) => !t.time)),
      lines: tasks.flatMap((t) => describeTask(t, q, namer)),
      sources: tasks.map((t) => source(plan, taskWhere(t, q.lang), t.id)),
    };
  });
  return combine(q, answers, () => (q.lang === 'en' ? `None of these plans has a task ${number}.` : `Không kế hoạch nào trong số này có nhiệm vụ ${number}.`));
}

/** A "Tổ chức thực hiện" paragraph with its headings and text folded, and its own heading folded. */
interface Assignment {
  passage: Passage;
  folded: string;
  heading: string;
}

/** A plan's "Tổ chức thực hiện" paragraphs, worked out once per plan. */
const ASSIGNMENTS = new WeakMap<Plan, Assignment[]>();
function assignments(plan: Plan): Assignment[] {
  let list = ASSIGNMENTS.get(plan);
  if (!list) {
    list = plan.passages
      .filter((p) => p.path.some((h) => /to chuc thuc hien/.test(fold(h))))
      .map((p) => ({ passage: p, folded: fold([...p.path.slice(1), p.text].join(' ')), heading: fold(p.path[p.path.length - 1] ?? '') }));
    ASSIGNMENTS.set(plan, list);
  }
  return list;
}

/**
 * "Tổ chức thực hiện" paragraphs that name the agency: anywhere in them (what a plan without a task
 * table assigns it), or in their own heading ("10. Công an thành phố: …": its duties in its own words).
 */
function assignedTo(plan: Plan, names: string[], within: 'text' | 'heading', limit: number): { text: string; where: string }[] {
  const keys = names.map(fold);
  return assignments(plan)
    .filter((a) => keys.some((k) => (within === 'heading' ? a.heading : a.folded).includes(k)))
    .slice(0, limit)
    .map(({ passage: p }) => ({ text: p.text, where: placeWhere(p.place, 'vi') }));
}

/**
 * The tasks an agency leads (or, in a plan without a task table, what "Tổ chức thực hiện" assigns
 * it); `duties`: "what does X do" rather than "which tasks", so its own section is quoted too.
 */
export function answerAgencyTasks(q: Query, env: Env, about: string | null = null, duties = false): Answer {
  const en = q.lang === 'en';
  const id = q.agencies[0]!;
  // "… chủ trì nhiệm vụ nào về an toàn thông tin?": only the tasks on that subject.
  const onSubject = about ? new Set(tasksByTitle(q, env, about).map((t) => t.id)) : null;
  const agency = env.agencies.get(id);
  const display = agency?.short ?? agency?.name ?? id;
  const namer = new AgencyNamer(env.agencies, q.lang);
  const agencyNames = [agency?.name, ...(agency?.forms ?? [])].filter((x): x is string => Boolean(x));
  const answers: PlanAnswer[] = q.plans.map((plan) => {
    const leads = plan.tasks.filter((t) => t.leadIds.includes(id) && (!onSubject || onSubject.has(t.id)));
    const partners = plan.tasks.filter((t) => t.supportIds.includes(id));
    if (leads.length) {
      const written = leads[0]!.lead[leads[0]!.leadIds.indexOf(id)]!;
      const lines = [
        en
          ? `${namer.name(written, id)} leads ${leads.length} ${leads.length === 1 ? 'task' : 'tasks'} in ${plan.shortName}:`
          : `${namer.name(written, id)} chủ trì ${leads.length} nhiệm vụ trong ${plan.shortName}:`,
        ...leads.map((t) => {
          const others = t.lead.filter((_, i) => t.leadIds[i] !== id);
          const shared = others.length ? (en ? ` (shared lead with ${others.join('; ')})` : ` (đồng chủ trì với ${others.join('; ')})`) : '';
          return `- ${en ? 'Task' : 'Nhiệm vụ'} ${t.number}${t.part ? ` [${t.part.split(' ')[0]}]` : ''}: ${clip(t.title, 120)}${shared}`;
        }),
      ];
      if (partners.length) {
        lines.push(
          en
            ? `It is also a partner in tasks ${partners.map((t) => t.number).join(', ')}.`
            : `Ngoài ra phối hợp thực hiện các nhiệm vụ ${partners.map((t) => t.number).join(', ')}.`,
        );
      }
      const own = duties ? assignedTo(plan, agencyNames, 'heading', 2) : [];
      if (own.length)
        lines.push(en ? 'Its duties under "Tổ chức thực hiện":' : 'Phần Tổ chức thực hiện giao:', ...own.map((a) => `- ${clip(unbullet(a.text), 240)}`));
      return { plan, found: true, lines, sources: [source(plan, leads[0]!.place.path[0] ?? null), ...own.map((a) => source(plan, a.where))] };
    }
    const assigned = assignedTo(plan, agencyNames, 'text', 4);
    if (assigned.length) {
      const lines = [
        en ? `${plan.shortName} (section "Tổ chức thực hiện") assigns ${display}:` : `${plan.shortName} (phần Tổ chức thực hiện) giao ${display}:`,
        ...assigned.map((a) => `- ${clip(unbullet(a.text), 240)}`),
      ];
      return { plan, found: true, lines, sources: assigned.map((a) => source(plan, a.where)) };
    }
    const none = en ? `${display} leads no task in ${plan.shortName}.` : `${display} không chủ trì nhiệm vụ nào trong ${plan.shortName}.`;
    const partnerLine = partners.length
      ? en
        ? ` It is a partner in tasks ${partners.map((t) => t.number).join(', ')}.`
        : ` Sở/đơn vị này phối hợp ở các nhiệm vụ ${partners.map((t) => t.number).join(', ')}.`
      : '';
    return { plan, found: false, lines: [none + partnerLine], sources: [] };
  });
  // Listing is the point here: show every plan where the agency leads, however many.
  const hits = answers.filter((a) => a.found);
  if (hits.length > 3 && !q.planNamed) {
    return {
      found: true,
      lines: hits.flatMap((h) => [`• ${h.plan.shortName}:`, ...h.lines.slice(1, 6).map((l) => `  ${l}`)]),
      sources: hits.flatMap((h) => h.sources),
    };
  }
  return combine(q, answers, () => (en ? `${display} leads no task in these plans.` : `${display} không chủ trì nhiệm vụ nào trong các kế hoạch này.`));
}
