/** Records the corpus stage produces. Every text field keeps the wording of the source (NFC). */

/** Where a record comes from: file, 1-based line, and the heading path above it. */
export interface SourcePlace {
  file: string;
  line: number;
  path: string[];
}

export type PlanKind = 'kinh-te-so' | 'chuyen-doi-so';
export type TargetGroup = 'chinh-quyen-so' | 'kinh-te-so' | 'xa-hoi-so';
export type Comparator = 'dat' | 'tren' | 'toi-thieu' | 'khoang' | 'phan-dau' | 'toi-da';
/** What a target's figure is: a percentage, an amount of money, or a count of things. */
export type TargetMeasure = 'percent' | 'amount' | 'count';
/** A figure stated per period: "mỗi năm" / "hàng năm", "mỗi quý", "mỗi tháng". */
export type Period = 'moi-nam' | 'moi-quy' | 'moi-thang';

/** A table row as a layout parser reads it: cells as written, joined across wrapped lines. */
export interface RawTaskRow {
  /** Number as written, without a trailing dot: "21", "1.1", "54". */
  number: string;
  /** Group rows above it, as written, outermost first: ["A PHÁT TRIỂN NỀN MÓNG …", "IX Phát triển thanh toán số"]. */
  section: string[];
  title: string;
  lead: string | null;
  support: string | null;
  /** Who monitors (a target table's "chủ trì theo dõi, đôn đốc" column). */
  monitor: string | null;
  time: string | null;
  /** Expected output or product ("Sản phẩm", "Kết quả đầu ra"). */
  output: string | null;
  /** Funding: amount or source ("Kinh phí", "Nguồn vốn"). */
  funding: string | null;
  note: string | null;
  /** Cells of columns the vocabulary lacks ("Căn cứ"), joined: kept out of records, shown in anomalies. */
  other: string | null;
  /** 1-based line of the row's number in the file. */
  line: number;
}

export interface Anomaly {
  kind:
    | 'numbering-gap'
    | 'numbering-duplicate'
    | 'no-lead'
    | 'odd-time'
    | 'no-time'
    | 'typo'
    | 'missing-field'
    | 'file-skipped'
    /** An appendix table no layout could read (named in the message). */
    | 'unread-table'
    /** A header cell or word outside the column vocabulary; its cells are left out. */
    | 'unknown-column'
    /** The best layout's reading passed too few row checks. */
    | 'low-confidence'
    /** A cell that does not look like what its column holds ("Quyết định phê duyệt" as a lead). */
    | 'odd-cell';
  message: string;
  line?: number;
}

export interface Agency {
  id: string;
  /** Full name for citizens, e.g. "Sở Khoa học và Công nghệ". */
  name: string;
  /** Abbreviation officials use, e.g. "Sở KH&CN", when there is one. */
  short: string | null;
  /** Every written form seen in the corpus, as written. */
  forms: string[];
  /** A collective such as "Sở ban ngành liên quan" rather than one unit. */
  group: boolean;
}

export interface Target {
  id: string;
  planId: string;
  /** The bullet's indicator, as written, without the figure ("Tỷ lệ dân số trưởng thành có điện thoại thông minh"). */
  indicator: string;
  /** The whole bullet as written (for quoting). */
  text: string;
  group: TargetGroup | null;
  year: number;
  value: number;
  /** "%", "% GRDP" for percentages; "tỷ đồng" for amounts; the counted noun for counts ("lớp", "doanh nghiệp"). */
  unit: string;
  comparator: Comparator;
  measure: TargetMeasure;
  /** Set when the figure is per period ("mỗi năm tổ chức ít nhất 10 lớp"); the year is still the one the target is set for. */
  period: Period | null;
  /** What a percentage is a share of, when written after the figure ("tổng chi ngân sách tỉnh", "GRDP của tỉnh"); else null. */
  base: string | null;
  /** Qualifier when one bullet holds two figures ("cấp tỉnh", "cấp xã"). */
  scope: string | null;
  /** Agencies the plan's appendix charges with monitoring it, as written. */
  monitor: string[];
  /** The agency each monitor names (same order as `monitor`). */
  monitorIds: string[];
  /** Agencies the appendix names as implementing it, as written. */
  implementers: string[];
  /** Where the appendix row assigning the monitor is: file, line, path [appendix name as written, group]; null if none. */
  monitorPlace: SourcePlace | null;
  place: SourcePlace;
}

export interface Task {
  id: string;
  planId: string;
  number: string;
  /** The appendix's own name as written ("Phụ lục", "Phụ lục 02", "Phụ lục III"); also place.path[0]. */
  appendix: string;
  /** Appendix part where numbering restarts ("I PHÁT TRIỂN NỀN MÓNG …" / "II GIẢI PHÁP"), else null. */
  part: string | null;
  /**
   * Code of the part as written, for "phần B": "I"/"II" of `part`, or the letter of a lettered
   * top group ("A", "B") even where numbering runs on (then `part` is null and the group is section[0]).
   */
  partCode: string | null;
  section: string[];
  title: string;
  /** Lead units as written, split one per unit. */
  lead: string[];
  support: string[];
  leadIds: string[];
  supportIds: string[];
  time: string | null;
  /** Expected output / product, where the appendix has such a column ("Sản phẩm", "Kết quả đầu ra"). */
  output: string | null;
  /** Funding (amount or source), where the appendix has such a column ("Kinh phí", "Nguồn vốn"). */
  funding: string | null;
  note: string | null;
  flags: string[];
  place: SourcePlace;
}

export interface Passage {
  id: string;
  planId: string;
  path: string[];
  text: string;
  place: SourcePlace;
}

/** How one appendix table was read, for the corpus report and citations. */
export interface AppendixInfo {
  /** Its own name as written: "Phụ lục", "Phụ lục 02", "Phụ lục III". */
  name: string;
  /** The heading lines under the name, joined. */
  heading: string;
  kind: 'tasks' | 'monitors';
  /** The layout whose reading won ("tabbed", "pdf-columns", "stacked-cells"), null when none could read it. */
  layout: string | null;
  /** 0..1: share of row checks the reading passed. */
  confidence: number;
  /** Columns read from its header, left to right after the number. */
  columns: string[];
  rows: number;
  /** 1-based line of the name. */
  line: number;
}

export interface Deadline {
  date: string;
  text: string;
}

export interface Plan {
  id: string;
  file: string;
  title: string;
  kind: PlanKind;
  province: string;
  /** "tỉnh" or "thành phố". */
  provinceLevel: string;
  issuer: string | null;
  number: string | null;
  date: string | null;
  signer: string | null;
  signerTitle: string | null;
  yearFrom: number;
  yearTo: number;
  replaces: string | null;
  deadlines: Deadline[];
  /** Short display name, e.g. "Huế 2026–2030". */
  shortName: string;
  /** Names people use for the place and plan (aliases), as written. */
  names: string[];
  targets: Target[];
  tasks: Task[];
  passages: Passage[];
  /** The plan's appendix tables in order, as read. */
  appendices: AppendixInfo[];
  anomalies: Anomaly[];
}

export interface Corpus {
  plans: Plan[];
  agencies: Agency[];
  skipped: { file: string; reason: string }[];
  /** Content hash of the loaded files, for caches. */
  hash: string;
}
