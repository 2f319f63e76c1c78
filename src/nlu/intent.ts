/** Intent rules over folded text and entities. Order matters: specific questions first. */
import { CUES } from './lexicon.js';
import type { Entities } from './entities.js';

export type Intent =
  | 'greeting'
  | 'help'
  | 'thanks'
  | 'out_of_scope'
  | 'plan.list'
  | 'plan.info'
  | 'plan.signer'
  | 'plan.date'
  | 'plan.number'
  | 'plan.replaces'
  | 'plan.deadline'
  | 'task.lead'
  | 'task.support'
  | 'task.time'
  | 'task.note'
  | 'task.about'
  | 'agency.tasks'
  | 'target.value'
  | 'target.monitor'
  | 'target.compare'
  | 'topic';

export const TASK_INTENTS: Intent[] = ['task.lead', 'task.support', 'task.time', 'task.note', 'task.about'];

function taskIntent(f: string): Intent | null {
  if (CUES.support.test(f)) return 'task.support';
  if (CUES.note.test(f)) return 'task.note';
  if (CUES.time.test(f)) return 'task.time';
  if (CUES.about.test(f)) return 'task.about';
  if (CUES.lead.test(f)) return 'task.lead';
  return null;
}

const OTHER_DOCUMENT_NUMBER = /\b(nghi quyet|quyet dinh|chuong trinh|cong van|van ban|thong tu|nghi dinh|chi thi|de an)\b.*\bso (may|bao nhieu)\b/;

/** The intent the words ask for; null when they only add entities to the conversation ("còn năm 2025?"). */
export function classify(f: string, e: Entities): Intent | null {
  const words = f.split(' ').filter(Boolean).length;
  const hasTask = e.task !== null || e.taskRef;
  const named = e.places.length > 0 || e.planNumbers.length > 0;
  if (words === 0) return 'help';
  if (CUES.help.test(f) && !hasTask && !e.indicator) return 'help';
  if (CUES.greeting.test(f) && words <= 4) return 'greeting';
  if (CUES.thanks.test(f) && words <= 4) return 'thanks';
  if (CUES.planList.test(f) && !e.indicator && !CUES.compare.test(f)) return 'plan.list';
  if (!hasTask) {
    if (CUES.signer.test(f)) return 'plan.signer';
    if (CUES.replaces.test(f)) return 'plan.replaces';
    if (CUES.deadline.test(f) && !e.indicator) return 'plan.deadline';
    if (CUES.date.test(f) && !e.indicator) return 'plan.date';
    // "nghị quyết số mấy" asks another document's number, not the plan's.
    if (CUES.number.test(f) && !e.indicator && !/%|phan tram|ty le|ty trong|muc tieu|chi tieu/.test(f) && !OTHER_DOCUMENT_NUMBER.test(f)) return 'plan.number';
    if (CUES.counts.test(f) && !e.agencies.length) return 'plan.info';
  }
  if (CUES.compare.test(f) && (e.indicator || CUES.target.test(f))) return 'target.compare';
  if (CUES.monitor.test(f) && (e.indicator || /chi tieu|muc tieu|indicator|target/.test(f))) return 'target.monitor';
  if (hasTask) return taskIntent(f) ?? (CUES.followUp.test(f) ? null : 'task.lead');
  if (e.agencies.length && (CUES.agencyTasks.test(f) || CUES.lead.test(f))) return 'agency.tasks';
  // A task named by what it does, not its number: "ai chủ trì nhiệm vụ triển khai nền tảng trợ lý ảo?"
  if (/\b(nhiem vu|task)\b/.test(f) && !CUES.topic.test(f) && !/nhiem vu (nao|gi)|which tasks?/.test(f)) {
    const byTitle = taskIntent(f);
    if (byTitle) return byTitle;
  }
  if (CUES.topic.test(f)) return 'topic';
  if (e.indicator) return 'target.value';
  if (CUES.target.test(f) && (named || e.years.length)) return 'target.value';
  if (CUES.outOfScope.test(f)) return 'out_of_scope';
  // Bare follow-ups that ask about the task in context ("thời gian thực hiện?", "ai phối hợp?").
  const followTask = taskIntent(f);
  if (followTask && !named && words <= 6) return followTask;
  if (named && !CUES.followUp.test(f)) return 'plan.info';
  return null;
}
