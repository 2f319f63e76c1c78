/**
 * Agencies: one canonical entity per unit with every written form. A table cell naming
 * several units is split into units; collectives ("Sở ban ngành liên quan") stay groups.
 */
import { fold } from '../text/fold.js';
import { editDistance } from '../text/distance.js';
import type { Agency } from './types.js';
import { squash } from './normalize.js';

interface LexiconEntry {
  id: string;
  name: string;
  short: string | null;
  forms: string[];
  /** Forms matched as a prefix of the key ("Ngân hàng Nhà nước … chi nhánh …"). */
  prefixes?: string[];
  /** English names, the one to show first; officials and visitors type any of them. */
  en?: string[];
}

/** Units Vietnamese provincial plans name, with the abbreviations officials write. */
const LEXICON: LexiconEntry[] = [
  { id: 'so-khcn', name: 'Sở Khoa học và Công nghệ', short: 'Sở KH&CN', forms: ['Sở KHCN', 'Sở KH-CN'], en: ['Department of Science and Technology', 'science and technology department', 'DOST'] },
  { id: 'so-tttt', name: 'Sở Thông tin và Truyền thông', short: 'Sở TTTT', forms: ['Sở TT&TT', 'Sở TT-TT'], en: ['Department of Information and Communications', 'information and communications department', 'DIC'] },
  { id: 'so-khdt', name: 'Sở Kế hoạch và Đầu tư', short: 'Sở KH&ĐT', forms: ['Sở KHĐT', 'Sở KH-ĐT'], en: ['Department of Planning and Investment', 'planning and investment department', 'DPI'] },
  {
    id: 'so-ldtbxh',
    name: 'Sở Lao động, Thương binh và Xã hội',
    short: 'Sở LĐ-TB&XH',
    forms: ['Sở LĐTB&XH', 'Sở LĐ, TB&XH', 'Sở Lao động - Thương binh và Xã hội', 'Sở LĐTBXH'], en: ['Department of Labour, Invalids and Social Affairs', 'department of labor invalids and social affairs', 'MOLISA', 'DOLISA']
  },
  { id: 'so-gddt', name: 'Sở Giáo dục và Đào tạo', short: 'Sở GD&ĐT', forms: ['Sở GDĐT'], en: ['Department of Education and Training', 'education department', 'DOET'] },
  { id: 'so-tc', name: 'Sở Tài chính', short: null, forms: [], en: ['Department of Finance', 'finance department'] },
  { id: 'so-yt', name: 'Sở Y tế', short: null, forms: [], en: ['Department of Health', 'health department', 'DOH'] },
  { id: 'so-ct', name: 'Sở Công Thương', short: null, forms: [], en: ['Department of Industry and Trade', 'industry and trade department', 'DOIT'] },
  { id: 'so-nv', name: 'Sở Nội vụ', short: null, forms: [], en: ['Department of Home Affairs', 'home affairs department'] },
  { id: 'so-tp', name: 'Sở Tư pháp', short: null, forms: [], en: ['Department of Justice', 'justice department'] },
  { id: 'so-xd', name: 'Sở Xây dựng', short: null, forms: [], en: ['Department of Construction', 'construction department'] },
  { id: 'so-nnmt', name: 'Sở Nông nghiệp và Môi trường', short: 'Sở NN&MT', forms: [], en: ['Department of Agriculture and Environment', 'agriculture and environment department'] },
  { id: 'so-nnptnt', name: 'Sở Nông nghiệp và Phát triển nông thôn', short: 'Sở NN&PTNT', forms: ['Sở NNPTNT'], en: ['Department of Agriculture and Rural Development', 'agriculture and rural development department'] },
  { id: 'so-tnmt', name: 'Sở Tài nguyên và Môi trường', short: 'Sở TN&MT', forms: ['Sở TNMT'], en: ['Department of Natural Resources and Environment', 'natural resources and environment department'] },
  { id: 'so-vhtt', name: 'Sở Văn hóa và Thể thao', short: 'Sở VH&TT', forms: [], en: ['Department of Culture and Sports', 'culture and sports department'] },
  { id: 'so-vhttdl', name: 'Sở Văn hóa, Thể thao và Du lịch', short: 'Sở VHTT&DL', forms: ['Sở VH,TT&DL'], en: ['Department of Culture, Sports and Tourism', 'culture sports and tourism department'] },
  { id: 'so-dl', name: 'Sở Du lịch', short: null, forms: [], en: ['Department of Tourism', 'tourism department'] },
  { id: 'so-gtvt', name: 'Sở Giao thông vận tải', short: 'Sở GTVT', forms: ['Sở GT-VT', 'Sở GTVT'], en: ['Department of Transport', 'transport department'] },
  { id: 'cong-an', name: 'Công an tỉnh', short: null, forms: ['Công an thành phố', 'Công an'], en: ['Provincial Police', 'police', 'public security'] },
  { id: 'vp-ubnd', name: 'Văn phòng UBND tỉnh', short: null, forms: ['Văn phòng Ủy ban nhân dân tỉnh', 'Văn phòng UBND thành phố'], en: ['Office of the People’s Committee', 'office of the people s committee', 'office of the provincial people s committee'] },
  { id: 'thanh-tra', name: 'Thanh tra tỉnh', short: null, forms: ['Thanh tra thành phố'], en: ['Provincial Inspectorate', 'inspectorate'] },
  {
    id: 'tt-cntt',
    name: 'Trung tâm Công nghệ thông tin',
    short: 'Trung tâm CNTT',
    forms: ['Trung tâm CNTT tỉnh', 'Trung tâm CNTT thành phố', 'Trung tâm Công nghệ thông tin tỉnh', 'Trung tâm Công nghệ thông tin thành phố'], en: ['IT Centre', 'information technology centre', 'it center']
  },
  {
    id: 'nhnn',
    name: 'Ngân hàng Nhà nước chi nhánh tỉnh',
    short: 'NHNN',
    forms: ['Ngân hàng Nhà nước tỉnh', 'NHNN tỉnh'],
    prefixes: ['Ngân hàng Nhà nước'], en: ['State Bank branch', 'state bank', 'state bank of vietnam']
  },
  { id: 'ubnd-xa', name: 'UBND cấp xã', short: null, forms: ['Ủy ban nhân dân cấp xã'], en: ['commune People’s Committees', 'commune people s committees', 'commune authorities'] },
  { id: 'ubnd-huyen', name: 'UBND cấp huyện', short: null, forms: ['Ủy ban nhân dân cấp huyện'], en: ['district People’s Committees', 'district people s committees', 'district authorities'] },
  { id: 'dh-hue', name: 'Đại học Huế', short: null, forms: [] },
  { id: 'ttbt-cdh', name: 'Trung tâm Bảo tồn di tích Cố đô Huế', short: null, forms: [] },
  { id: 'hoi-cntt', name: 'Hội Công nghệ thông tin và Điện tử viễn thông', short: 'Hội CNTT&ĐTVT', forms: [] },
  { id: 'lm-htx', name: 'Liên minh Hợp tác xã tỉnh', short: 'Liên minh HTX tỉnh', forms: [] },
  { id: 'hiep-hoi-dn', name: 'Hiệp hội Doanh nghiệp', short: 'Hiệp hội DN', forms: ['Hiệp hội DN thành phố', 'Hiệp hội Doanh nghiệp tỉnh'] },
];

/** English names by agency id, the one to show first: the lexicon's, the one list every English use derives from. */
export const ENGLISH_NAMES: ReadonlyMap<string, readonly string[]> = new Map(LEXICON.filter((e) => e.en?.length).map((e) => [e.id, e.en!]));

/** The lexicon as agencies, every form filled in: what users may name even if no plan writes it. */
export function lexiconAgencies(): Agency[] {
  return LEXICON.map((e) => ({
    id: e.id,
    name: e.name,
    short: e.short,
    forms: [e.name, ...(e.short ? [e.short] : []), ...e.forms],
    group: isGroup(e.name),
  }));
}

/** Key for matching written forms: folded, parenthetical expansions and punctuation removed. */
export function agencyKey(text: string): string {
  return fold(text.replace(/\([^)]*\)/g, ' ')).replace(/[^a-z0-9]/g, '');
}

/** Words that open a unit's name: where a cell holding several units can be cut. */
const UNIT_START =
  /^(?:sở|ubnd|ủy ban|trung tâm|công an|văn phòng|ngân hàng|ngân hành|nhnn|đại học|viện|hội|hiệp hội|liên minh|thanh tra|báo|đài|bộ|cục|kho bạc|các)(?![\p{L}\d])/iu;

export function startsUnit(part: string): boolean {
  const t = part.trim();
  // A lone CamelCase name ("HueIOC") is a unit; an abbreviation tail ("TB&XH") is not.
  return UNIT_START.test(t) || /^\p{Lu}[\p{L}\d]*$/u.test(t) && !/&/.test(t) && /\p{Ll}/u.test(t);
}

/** Split a cell ("Sở KH&CN; Sở Y tế; Sở GD&ĐT", "Sở Tài chính, sở KHCN") into units, as written. */
export function splitUnits(cell: string | null): string[] {
  if (!cell) return [];
  const out: string[] = [];
  // "Sở Tài chính Sở Y tế": a second "Sở <Name>" with no separator is a second unit, unless a connector joins them.
  const marked = cell.replace(/(\p{L}+)\s+(?=Sở\s+\p{Lu})/gu, (all, word: string) => (/^(?:và|của|thuộc|với|cho|các)$/iu.test(word) ? all : `${word}; `));
  for (const piece of marked.split(';')) {
    // Cut at ", " / " và " / ". " only where a new unit's name begins.
    const cuts = piece.split(/(,\s+|\s+và\s+|\.\s+)/u);
    let cur = cuts[0] ?? '';
    for (let i = 1; i < cuts.length; i += 2) {
      const sep = cuts[i]!;
      const next = cuts[i + 1] ?? '';
      if (startsUnit(next)) {
        out.push(cur);
        cur = next;
      } else {
        cur += sep + next;
      }
    }
    out.push(cur);
  }
  return out.map((s) => squash(s).replace(/[.;,]+$/, '')).filter((s) => s.length > 1);
}

export function isGroup(text: string): boolean {
  const f = fold(text).trim();
  return /^(cac |so,? ban,? nganh|dia phuong|ubnd cap|uy ban nhan dan cap|doanh nghiep)/.test(f) || /lien quan/.test(f);
}

/** Resolves written forms to agencies and remembers every form seen. */
export class AgencyRegistry {
  private byKey = new Map<string, Agency>();
  /** Lexicon keys by their first three letters: typos are looked for among these only. */
  private byStart = new Map<string, [string, Agency][]>();
  private prefixes: [string, Agency][] = [];
  private readonly all: Agency[] = [];
  /** Written forms that matched only by edit distance (typos) → the agency read. */
  private readonly typos = new Map<string, Agency>();

  /** The agency a misspelt written form was read as, for the corpus report. */
  typoOf(written: string): Agency | undefined {
    return this.typos.get(written);
  }

  constructor() {
    for (const e of LEXICON) {
      const agency: Agency = { id: e.id, name: e.name, short: e.short, forms: [], group: isGroup(e.name) };
      this.all.push(agency);
      for (const form of [e.name, ...(e.short ? [e.short] : []), ...e.forms]) this.byKey.set(agencyKey(form), agency);
      for (const p of e.prefixes ?? []) this.prefixes.push([agencyKey(p), agency]);
    }
    for (const [k, a] of [...this.byKey, ...this.prefixes]) {
      const start = k.slice(0, 3);
      this.byStart.set(start, [...(this.byStart.get(start) ?? []), [k, a]]);
    }
  }

  private lookup(key: string): Agency | null {
    const exact = this.byKey.get(key);
    if (exact) return exact;
    for (const [p, a] of this.prefixes) if (key.startsWith(p)) return a;
    return null;
  }

  /**
   * Typos such as "Ngân hành Nhà nước tỉnh": one edit per ten letters. Only keys of
   * about the same length and the same first letters are compared (this runs per cell).
   */
  private nearest(key: string): Agency | null {
    const budget = Math.floor(key.length / 10);
    let best: [number, Agency] | null = null;
    for (const [k, a] of this.byStart.get(key.slice(0, 3)) ?? []) {
      const isPrefix = this.prefixes.some(([p]) => p === k);
      const probe = isPrefix && key.length > k.length ? key.slice(0, k.length) : key;
      if (Math.abs(probe.length - k.length) > budget) continue;
      const d = editDistance(probe, k);
      if (d <= budget && d > 0 && (!best || d < best[0])) best = [d, a];
    }
    return best ? best[1] : null;
  }

  /** The agency a written form names; unknown units become new entities keyed by their folded text. */
  resolve(written: string): Agency {
    const key = agencyKey(written);
    let agency = this.lookup(key);
    if (!agency && key.length >= 8) {
      agency = this.nearest(key);
      if (agency) this.typos.set(written, agency);
    }
    if (!agency) {
      agency = { id: `u-${key}`, name: squash(written), short: null, forms: [], group: isGroup(written) };
      this.byKey.set(key, agency);
      this.all.push(agency);
    }
    const form = squash(written);
    if (!agency.forms.includes(form)) agency.forms.push(form);
    return agency;
  }

  /** Agencies seen in the corpus (lexicon entries never written are left out). */
  seen(): Agency[] {
    return this.all.filter((a) => a.forms.length > 0);
  }
}
