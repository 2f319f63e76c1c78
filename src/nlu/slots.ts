/**
 * What part of a record a question asks for, read off its words (folded, shorthand spelt out).
 * A question may ask for several ("ai phụ trách, làm trong giai đoạn nào?": lead and time).
 * The table is the one place these cues live; the reader chooses what to say from the slots.
 */
export type Slot = 'lead' | 'partners' | 'time' | 'frequency' | 'value' | 'count' | 'yesno' | 'what' | 'list' | 'output' | 'funding';

interface SlotCue {
  slot: Slot;
  cue: RegExp;
  /** Read across the clauses ("bao lâu phải kiểm tra, đánh giá một lần"), not clause by clause. */
  across?: boolean;
}

const SLOT_CUES: readonly SlotCue[] = [
  {
    slot: 'lead',
    cue: /\b(ai|do ai|don vi nao|co quan nao|so nao|nganh nao|ben nao|cong ty nao|doanh nghiep nao|chu tri|phu trach|chiu trach nhiem|duoc giao|giao cho|ai lo|nao lo|who|which (department|agency|unit|body|office)|in charge|responsible|standing body)\b/,
  },
  { slot: 'partners', cue: /\b(phoi hop|ai ho tro|partners?|who supports|supports? them|work with|together with)\b/ },
  {
    slot: 'time',
    cue: /\b(thoi gian|thoi han|giai doan nao|khi nao|bao gio|den khi nao|toi khi nao|nam nao|thang may|thang nao|ngay nao|ngay may|bao lau|tien do|when|by when|what period|which period|timeline|timeframe|how long|how often|deadline)\b/,
  },
  // How often, not when: "bao lâu một lần", "mỗi năm mấy lần".
  { slot: 'frequency', cue: /\b(bao lau\b.*\b(mot|1) lan|may lan|bao nhieu lan|tan suat|how often|how frequently|how many times)\b/, across: true },
  {
    slot: 'value',
    cue: /(\bbao nhieu\b|\bmuc nao\b|\bmay phan tram\b|(?<![\d.,]\s?)%|\bphan tram\b|\bty le\b.*\b(la|dat)\b|what (share|percentage|proportion)|how (much|many)|what rate)/,
  },
  { slot: 'count', cue: /\b(bao nhieu|how many) (nhiem vu|viec|task|chi tieu|muc tieu|target)/ },
  // Per clause: "có … không" at its end ("… không dùng tiền mặt" asks nothing).
  { slot: 'yesno', cue: /(\b(co|duoc)\b.*\b(khong|chua)( (ad|a|vay|nhi|nhe|ha|ta|ban|oi))*$|\bco phai\b|^(does|do|is|are|will|has|have|can)\b)/ },
  {
    slot: 'what',
    cue: /\b(noi gi|noi sao|noi ve|la gi|lam gi|nhung gi|gom|bao gom|nhung nguon nao|nhung linh vuc nao|nhung viec gi|viec gi|the nao|ra sao|what does|what is|what are|say about|anything about|mention)\b/,
  },
  { slot: 'output', cue: /\b(san pham|ket qua dau ra|dau ra|output|product|deliverable)\b/ },
  { slot: 'funding', cue: /\b(kinh phi|bao nhieu tien|nguon von|funding|budget|cost|how much money|money|funded|financed)\b/ },
  { slot: 'list', cue: /\b(nhung|cac) (nguon|linh vuc|noi dung|nhiem vu|hoi|to chuc|don vi)\b|\bnhung .* nao\b|which (sources|fields|areas)/ },
];

/** The slots the question's clauses ask for; a question with none asks what the plans say. */
export function slotsOf(clauses: string[]): Set<Slot> {
  const out = new Set<Slot>();
  const whole = clauses.join(' ');
  for (const { slot, cue, across } of SLOT_CUES) if (across ? cue.test(whole) : clauses.some((c) => cue.test(c))) out.add(slot);
  if (out.has('count')) out.delete('value');
  if (!out.size) out.add('what');
  return out;
}
