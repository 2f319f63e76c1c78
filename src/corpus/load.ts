/** The corpus folder → plans with targets, tasks, passages and agencies. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fold } from '../text/fold.js';
import { AgencyRegistry, splitUnits } from './agencies.js';
import { readAppendix, type Appendix } from './appendices.js';
import { looksLikeUnit } from './layouts/confidence.js';
import { toBlocks } from './blocks.js';
import { toLines } from './normalize.js';
import { readPlanMeta } from './planMeta.js';
import { PROVINCES, SAME_PLACE } from './provinces.js';
import { findRegions } from './regions.js';
import { TextPool } from './share.js';
import { readTargets } from './targets.js';
import { toTasks } from './tasks.js';
import type { Anomaly, Corpus, Passage, Plan, Target } from './types.js';

/** Optional `<file>.meta.json`: what the text lacks. Text facts always win. */
export interface PlanMetaFile {
  shortName?: string;
  aliases?: string[];
  province?: string;
  number?: string;
  date?: string;
  signer?: string;
}

export interface SourceFile {
  name: string;
  text: string;
  meta?: PlanMetaFile;
}

function words(s: string): Set<string> {
  return new Set(fold(s).split(/[^a-z0-9]+/).filter((w) => w.length > 1));
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n / Math.max(1, Math.min(a.size, b.size));
}

/** Put "who monitors" rows (Bình Thuận Phụ lục 01) onto the targets they name, with the row's place in the appendix. */
function attachMonitors(targets: Target[], appendix: Appendix, file: string, registry: AgencyRegistry): number {
  const { rows, year } = appendix;
  let unmatched = 0;
  for (const row of rows) {
    const value = /(\d+(?:,\d+)?)\s*%/.exec(row.title)?.[1];
    const rowWords = words(row.title);
    let best: [number, Target] | null = null;
    for (const t of targets) {
      if ((year !== null && t.year !== year) || (value !== undefined && t.value !== Number(value.replace(',', '.')))) continue;
      const score = overlap(rowWords, words(t.text));
      if (!best || score > best[0]) best = [score, t];
    }
    if (best && best[0] >= 0.6) {
      best[1].monitor = splitUnits(row.monitor ?? row.lead).filter(looksLikeUnit);
      best[1].monitorIds = best[1].monitor.map((m) => registry.resolve(m).id);
      best[1].implementers = splitUnits(row.support);
      best[1].monitorPlace = { file, line: row.line, path: [appendix.name, ...row.section] };
    } else unmatched++;
  }
  return unmatched;
}

function passagesOf(blocks: ReturnType<typeof toBlocks>, planId: string, file: string): Passage[] {
  return blocks
    .filter((b) => b.kind === 'para')
    .map((b, i) => ({ id: `${planId}/p${i + 1}`, planId, path: b.path, text: b.text, place: { file, line: b.line, path: b.path } }));
}

function namesFor(province: string, extra: string[]): string[] {
  const family = SAME_PLACE.find((g) => g.includes(province)) ?? [province];
  const names = new Set<string>();
  for (const place of family) {
    names.add(place);
    for (const a of PROVINCES.find((p) => p.name === place)?.aliases ?? []) names.add(a);
  }
  for (const e of extra) names.add(e);
  return [...names];
}

/** Parse one plan text; null when the text holds no recognizable plan. */
function parsePlan(src: SourceFile, registry: AgencyRegistry): Plan | null {
  const lines = toLines(src.text);
  const regions = findRegions(lines);
  const blocks = toBlocks(lines, regions.body[0], regions.body[1]);
  const meta = readPlanMeta(lines, blocks, regions.signature);
  const province = meta.province ?? src.meta?.province ?? null;
  if (!meta.title || !province || meta.yearTo === null || meta.yearFrom === null) return null;
  const id = basename(src.name, extname(src.name));
  const anomalies: Anomaly[] = [];
  const targets = readTargets(blocks, id, src.name, meta.yearFrom === meta.yearTo ? meta.yearTo : null);
  const tasks: Plan['tasks'] = [];
  const appendices: Plan['appendices'] = [];
  const appendixEnds = [...regions.appendices.slice(1), lines.length];
  regions.appendices.forEach((start, k) => {
    const appendix = readAppendix(lines, start, appendixEnds[k]!);
    anomalies.push(...appendix.anomalies);
    const { name, heading, kind, layout, confidence, columns, rows } = appendix;
    appendices.push({ name, heading, kind, layout, confidence, columns, rows: rows.length, line: start + 1 });
    if (appendix.kind === 'monitors') {
      const unmatched = attachMonitors(targets, appendix, src.name, registry);
      if (unmatched) anomalies.push({ kind: 'missing-field', message: `${name}: ${unmatched} dòng không khớp mục tiêu nào`, line: start + 1 });
      return;
    }
    const { tasks: got, anomalies: found } = toTasks(appendix.rows, id, src.name, registry, appendix.name);
    tasks.push(...got);
    anomalies.push(...found);
  });
  for (const d of meta.deadlines) {
    if (meta.date && d.date < meta.date) anomalies.push({ kind: 'odd-time', message: `Thời hạn ${d.date} sớm hơn ngày ban hành ${meta.date}` });
  }
  const number = meta.number ?? src.meta?.number ?? null;
  const date = meta.date ?? src.meta?.date ?? null;
  if (!meta.number) anomalies.push({ kind: 'missing-field', message: 'Văn bản không ghi số kế hoạch' + (src.meta?.number ? ' (lấy từ meta.json)' : '') });
  if (!meta.date) anomalies.push({ kind: 'missing-field', message: 'Văn bản không ghi ngày ban hành' + (src.meta?.date ? ' (lấy từ meta.json)' : '') });
  return {
    id,
    file: src.name,
    title: meta.title,
    kind: meta.kind,
    province,
    provinceLevel: meta.provinceLevel ?? 'tỉnh',
    issuer: `UBND ${meta.provinceLevel ?? 'tỉnh'} ${province}`,
    number,
    date,
    signer: meta.signer ?? src.meta?.signer ?? null,
    signerTitle: meta.signerTitle,
    yearFrom: meta.yearFrom,
    yearTo: meta.yearTo,
    replaces: meta.replaces,
    deadlines: meta.deadlines,
    shortName: src.meta?.shortName ?? '',
    names: namesFor(province, src.meta?.aliases ?? []),
    targets,
    tasks,
    passages: passagesOf(blocks, id, src.name),
    appendices,
    anomalies,
  };
}

/** Doubled words ("điện điện tử", "mạng mạng") are extraction or typing slips worth a look. */
function doubledWords(plan: Plan): Anomaly[] {
  const texts = [...plan.tasks.map((t) => ({ text: t.title, line: t.place.line })), ...plan.passages.map((p) => ({ text: p.text, line: p.place.line }))];
  const out: Anomaly[] = [];
  for (const { text, line } of texts) {
    for (const m of text.matchAll(/(?<![\p{L}])(\p{L}{2,}) \1(?![\p{L}])/gu)) {
      // "hành vi vi phạm" is correct Vietnamese.
      if (m[1] === 'vi') continue;
      out.push({ kind: 'typo', message: `Từ lặp "${m[0]}" (dòng ${line})`, line });
    }
  }
  return out;
}

function years(p: Plan): string {
  return p.yearFrom === p.yearTo ? `${p.yearTo}` : `${p.yearFrom}–${p.yearTo}`;
}

/** "Huế 2026–2030"; plans of one place and period are told apart by kind. */
function assignShortNames(plans: Plan[]): void {
  for (const p of plans) {
    if (p.shortName) continue;
    const base = `${p.province} ${years(p)}`;
    const clash = plans.some((o) => o !== p && `${o.province} ${years(o)}` === base);
    p.shortName = clash ? `${base} (${p.kind === 'chuyen-doi-so' ? 'chuyển đổi số' : 'kinh tế số'})` : base;
  }
}

export function buildCorpus(files: SourceFile[], skipped: { file: string; reason: string }[] = []): Corpus {
  return runSync(corpusSteps(files, skipped));
}

/** buildCorpus a plan at a time: yields after each file so a caller can let other work run. */
function* corpusSteps(files: SourceFile[], skipped: { file: string; reason: string }[]): Generator<void, Corpus> {
  const registry = new AgencyRegistry();
  const plans: Plan[] = [];
  // Each plan's texts join the pool as soon as it is parsed, so copies do not pile up meanwhile.
  const pool = new TextPool();
  for (const f of files) {
    if (f.text.trim() === '') {
      skipped.push({ file: f.name, reason: 'tệp rỗng' });
      continue;
    }
    const plan = parsePlan(f, registry);
    if (!plan) skipped.push({ file: f.name, reason: 'không nhận ra kế hoạch (thiếu tiêu đề, địa phương hoặc năm)' });
    else plans.push(pool.plan(plan));
    yield;
  }
  for (const p of plans) p.anomalies.push(...doubledWords(p));
  assignShortNames(plans);
  return { plans, agencies: registry.seen(), skipped, hash: contentHash(files) };
}

/** Run steps to the end at once. */
function runSync<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Run steps, letting the event loop serve requests between them. */
async function runInSteps<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Files larger than this are skipped (PLANBOT_CORPUS_MAX_FILE_MB sets it for the commands). */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface ReadOptions {
  maxFileBytes?: number;
}

export interface Sources {
  files: SourceFile[];
  /** Plan files, or their meta files, that could not be read; each named with the reason. */
  skipped: { file: string; reason: string }[];
}

const PLAN_FILE = /\.(txt|md)$/i;
const META_SUFFIX = '.meta.json';

/** What `loadCorpus` reads: the plan files of `dir` (with their meta files), and the ones it could not read. */
export function readSources(dir: string, options: ReadOptions = {}): Sources {
  return runSync(sourceSteps(dir, options));
}

/** readSources a file at a time: yields after each file. */
function* sourceSteps(dir: string, options: ReadOptions): Generator<void, Sources> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`Corpus folder not found: ${dir}`);
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const names = readdirSync(dir).sort();
  const sources: Sources = { files: [], skipped: [] };
  for (const name of names) {
    if (!PLAN_FILE.test(name)) continue;
    const path = join(dir, name);
    try {
      const text = readCapped(path, maxBytes);
      sources.files.push({ name, text, meta: readMeta(`${path}${META_SUFFIX}`, `${name}${META_SUFFIX}`, maxBytes, sources.skipped) });
    } catch (err) {
      sources.skipped.push({ file: name, reason: `không đọc được: ${(err as Error).message}` });
    }
    yield;
  }
  return sources;
}

/** The entries of a corpus folder that are neither a plan text nor a plan's meta file. */
export function notPlanFiles(names: string[]): string[] {
  const plans = new Set(names.filter((name) => PLAN_FILE.test(name)));
  return names.filter((name) => !PLAN_FILE.test(name) && !(name.endsWith(META_SUFFIX) && plans.has(name.slice(0, -META_SUFFIX.length))));
}

/** A file's text, refusing one over `maxBytes` (reading it could hold the process for seconds). */
function readCapped(path: string, maxBytes: number): string {
  const size = statSync(path).size;
  if (size > maxBytes) throw new Error(`tệp quá lớn (${mb(size)} MB, tối đa ${mb(maxBytes)} MB)`);
  return readFileSync(path, 'utf8');
}

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');

/**
 * A plan's optional meta file. One that cannot be read or is not a JSON object is named in
 * `skipped` and left out; its plan still loads from its text.
 */
function readMeta(path: string, name: string, maxBytes: number, skipped: Sources['skipped']): PlanMetaFile | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const meta: unknown = JSON.parse(readCapped(path, maxBytes));
    if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) throw new Error('không phải một đối tượng JSON');
    return meta as PlanMetaFile;
  } catch (err) {
    skipped.push({ file: name, reason: `bỏ qua tệp meta: ${(err as Error).message}` });
    return undefined;
  }
}

/** The corpus content hash: names, texts and meta files, for caches. */
export function contentHash(files: SourceFile[]): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(f.name).update('\0').update(f.text).update(JSON.stringify(f.meta ?? null));
  return hash.digest('hex');
}

/** Read every *.txt / *.md in `dir` (with optional `<file>.meta.json`). */
export function loadCorpus(dir: string, options: ReadOptions = {}): Corpus {
  const { files, skipped } = readSources(dir, options);
  return buildCorpus(files, skipped);
}

/**
 * loadCorpus a file at a time, letting the event loop run between files (a server keeps
 * answering while it reloads).
 */
export async function loadCorpusInSteps(dir: string, options: ReadOptions = {}): Promise<{ corpus: Corpus }> {
  const { files, skipped } = await runInSteps(sourceSteps(dir, options));
  return { corpus: await runInSteps(corpusSteps(files, skipped)) };
}

/**
 * Why a newly loaded corpus must not replace the one in use, or null when it may: it must
 * hold a plan, and every plan the old one had must still be there unless its file is gone
 * (a plan file that is still present but now fails to read or parse would silently vanish).
 */
export function reloadRefusal(previous: Corpus | null, next: Corpus): string | null {
  if (next.plans.length === 0) {
    const why = next.skipped.map((s) => `${s.file}: ${s.reason}`).join('; ');
    return `the corpus folder holds no plan${why ? ` (${why})` : ''}`;
  }
  if (!previous) return null;
  const kept = new Set(next.plans.map((p) => p.file));
  const broken = new Map(next.skipped.map((s) => [s.file, s.reason]));
  const lost = previous.plans.filter((p) => !kept.has(p.file) && broken.has(p.file));
  if (lost.length === 0) return null;
  return `plans whose files are still there would be lost: ${lost.map((p) => `${p.file} (${broken.get(p.file)})`).join('; ')}`;
}
