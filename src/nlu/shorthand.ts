import { foldWords } from '../text/fold.js';

/**
 * Shorthand, folded: the plans' own abbreviations (CSDL, ATTT, CĐS…) and what people type in
 * chat ("ko", "bn", "j", "dv công"). One table each; questions and records are both read
 * through `expandShorthand`, so "ATTT" in a question finds "an toàn thông tin" in a plan and
 * the other way round.
 */

/**
 * Shorthand whose meaning hangs on how it is written, so it is read before folding: "AI" in
 * capitals is artificial intelligence ("ai" is "who"), "ĐL" with its Đ is Đắk Lắk ("DL" may be
 * du lịch or dữ liệu). A question written all in capitals keeps its words.
 */
const CASED: ReadonlyArray<[RegExp, string]> = [
  [/(?<!\p{L})AI(?!\p{L})/gu, 'trí tuệ nhân tạo'],
  [/(?<!\p{L})ĐL(?!\p{L})/gu, 'Đắk Lắk'],
];

export function spellCased(text: string): string {
  return text === text.toUpperCase() ? text : CASED.reduce((t, [pattern, words]) => t.replace(pattern, words), text);
}

/** The plans' abbreviations → their words. Both sides folded. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  csdl: 'co so du lieu',
  attt: 'an toan thong tin',
  httt: 'he thong thong tin',
  kts: 'kinh te so',
  xhs: 'xa hoi so',
  cqs: 'chinh quyen so',
  cds: 'chuyen doi so',
  tmdt: 'thuong mai dien tu',
  dvctt: 'dich vu cong truc tuyen',
  dvc: 'dich vu cong',
  nhnn: 'ngan hang nha nuoc',
  cntt: 'cong nghe thong tin',
  tthc: 'thu tuc hanh chinh',
  qppl: 'quy pham phap luat',
  khcn: 'khoa hoc va cong nghe',
  cbccvc: 'can bo cong chuc vien chuc',
  cbcc: 'can bo cong chuc',
  dmst: 'doi moi sang tao',
  dnnvv: 'doanh nghiep nho va vua',
  dn: 'doanh nghiep',
  htx: 'hop tac xa',
  hkd: 'ho kinh doanh',
  cns: 'cong nghe so',
  nlcs: 'nen tang so',
  ttdl: 'trung tam du lieu',
  hcc: 'hanh chinh cong',
  ktxh: 'kinh te xa hoi',
  'kt xh': 'kinh te xa hoi',
  bcd: 'ban chi dao',
  kcn: 'khu cong nghiep',
  sxkd: 'san xuat kinh doanh',
};

/** Chat spellings → what they stand for. Only words that mean nothing else in these questions. */
const CHAT_WORDS: Readonly<Record<string, string>> = {
  ko: 'khong',
  k: 'khong',
  hok: 'khong',
  hong: 'khong',
  kg: 'khong',
  bn: 'bao nhieu',
  bnh: 'bao nhieu',
  j: 'gi',
  ji: 'gi',
  dc: 'duoc',
  dk: 'duoc',
  tk: 'tai khoan',
  dt: 'dien thoai',
  dtdd: 'dien thoai di dong',
  dv: 'dich vu',
  ntn: 'nhu the nao',
  vs: 'voi',
  kh: 'ke hoach',
  tp: 'thanh pho',
  sp: 'san pham',
  bh: 'bao gio',
  nv: 'nhiem vu',
  online: 'truc tuyen',
  app: 'ung dung',
  web: 'trang thong tin dien tu',
  xai: 'su dung',
  ld: 'lao dong',
  vo: 'vao',
  sv: 'sinh vien',
  hs: 'hoc sinh',
  cty: 'cong ty',
  shop: 'cua hang',
  laptop: 'may tinh',
  vh: 'van hoa',
  website: 'trang thong tin dien tu',
};

const TABLE: ReadonlyMap<string, string> = new Map([...Object.entries(CHAT_WORDS), ...Object.entries(ABBREVIATIONS)]);
const MAX_KEY_WORDS = Math.max(...[...TABLE.keys()].map((k) => k.split(' ').length));

/** Folded words with every shorthand spelt out ("kh cds tt hue" → "ke hoach chuyen doi so tt hue"). */
export function expandShorthand(folded: string): string {
  if (!folded) return folded;
  const words = folded.split(' ');
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    let n = Math.min(MAX_KEY_WORDS, words.length - i);
    for (; n >= 1; n--) {
      const long = TABLE.get(words.slice(i, i + n).join(' '));
      if (long !== undefined) {
        out.push(long);
        break;
      }
    }
    if (n >= 1) i += n;
    else out.push(words[i++]!);
  }
  return out.join(' ');
}

/** Text folded into words with its shorthand spelt out: how questions and records are compared. */
export function foldSpelt(text: string): string {
  return expandShorthand(foldWords(text));
}
