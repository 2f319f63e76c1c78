/**
 * Citizens' words and the plans' words for the same things (folded, shorthand spelt out).
 * In a group any phrase stands for the others: a question saying "bán hàng online" finds a
 * record saying "sàn thương mại điện tử". Groups hold everyday civic vocabulary, not the
 * wording of any one question; a phrase may sit in several groups.
 */
export const SYNONYMS: readonly (readonly string[])[] = [
  // people
  ['nong dan', 'nong nghiep', 'san xuat nong nghiep', 'hop tac xa'],
  ['cong nhan', 'nguoi lao dong', 'luc luong lao dong'],
  ['nguoi mua', 'nguoi tieu dung', 'khach hang'],
  ['thanh nien', 'doan thanh nien', 'thanh doan', 'doan vien'],
  ['ong ba', 'nguoi cao tuoi', 'nguoi gia'],
  ['nguoi ngheo', 'ho ngheo', 'giam ngheo'],
  ['vung sau', 'vung sau vung xa', 'vung cao', 'vung kho khan', 'mien nui'],
  ['can bo xa', 'cap xa'],
  ['nha mang', 'doanh nghiep vien thong', 'vien thong'],
  ['shipper', 'buu chinh', 'chuyen phat', 'logistic'],
  ['doanh nghiep vua va nho', 'doanh nghiep nho va vua'],
  // doing
  ['boi duong', 'tap huan', 'dao tao'],
  ['giang day', 'day hoc', 'dao tao'],
  ['chuyen mon', 'nghiep vu'],
  ['ra soat', 'kiem tra', 'danh gia'],
  ['uu dai', 'khuyen khich', 'ho tro'],
  ['soan', 'xay dung', 'ban hanh'],
  ['dua internet', 'ket noi internet'],
  ['khen thuong', 'bieu duong', 'ton vinh'],
  ['bao chinh quyen', 'phan anh'],
  ['tu dung', 'dung rieng', 'tu dau tu'],
  ['lam lai', 'thiet ke lai', 'nang cap'],
  ['hoc hoi', 'hoc tap kinh nghiem'],
  // things
  ['ban hang truc tuyen', 'thuong mai dien tu', 'san thuong mai dien tu'],
  ['mua hang truc tuyen', 'mua sam truc tuyen', 'mua do truc tuyen', 'tieu dung so', 'thuong mai dien tu'],
  ['mua sam', 'tieu dung'],
  ['lua dao', 'gian lan', 'bi lua'],
  ['facebook', 'zalo', 'mang xa hoi'],
  ['hack', 'bi hack', 'mat tai khoan', 'bao mat thong tin', 'an toan thong tin'],
  ['tin gia', 'thong tin sai su that', 'thong tin xau doc'],
  ['dien thoai', 'thiet bi di dong', 'di dong'],
  ['robot', 'robotic'],
  ['giay to', 'thu tuc hanh chinh', 'ho so'],
  ['tiep nhan ho so', 'mot cua', 'bo phan mot cua'],
  ['trang dich vu cong', 'cong dich vu cong'],
  ['de dung', 'kho su dung', 'kho dung', 'trai nghiem cua nguoi dung', 'giao dien'],
  ['ha tang chung', 'ha tang dung chung'],
  ['tien', 'kinh phi', 'ngan sach', 'nguon von'],
  ['tu nhan', 'khu vuc tu nhan', 'xa hoi hoa', 'hop tac cong tu'],
  ['bo von', 'dau tu'],
  ['gop y', 'phan bien', 'tham muu'],
  ['tiem', 'cua hang'],
  ['tap hoa', 'cua hang ban le', 'ban le'],
  ['buu dien', 'buu chinh'],
  ['bo lai phia sau', 'khoang cach so', 'bat binh dang'],
  ['may moc', 'tu dong hoa'],
  ['mat viec', 'viec lam', 'thay the'],
  ['phong trao', 'chien dich'],
  ['khi duoc hoi', 'khi co yeu cau'],
  ['dia chi so', 'ban do so'],
  ['tinh uy', 'dang bo tinh', 'ban chap hanh dang bo'],
  ['camera', 'giam sat'],
  ['cam bien', 'iot', 'quan trac'],
  ['bot', 'tro ly ao', 'chatbot'],
  ['tra tien', 'thanh toan'],
  ['the ngan hang', 'tai khoan ngan hang', 'tai khoan thanh toan'],
  ['tap tran', 'dien tap'],
  ['tan cong mang', 'an ninh mang', 'su co'],
  ['thuc tap', 'lam viec thuc te'],
  ['cong ty', 'doanh nghiep'],
  ['cho truc tuyen', 'san thuong mai dien tu'],
  ['tat song', 'dung cong nghe', 'chuyen doi'],
  ['cuc gach', '2g', '3g', 'di dong cu'],
  ['usb token', 'ky so tu xa'],
  ['tan thon', 'to cong nghe so cong dong'],
  ['chi dan', 'huong dan'],
];

/** Group members by their first word, to find the phrases a run holds without scanning every group. */
const BY_FIRST = new Map<string, { phrase: string[]; others: string[] }[]>();
for (const group of SYNONYMS) {
  for (const p of group) {
    const phrase = p.split(' ');
    const list = BY_FIRST.get(phrase[0]!) ?? [];
    list.push({ phrase, others: group.filter((o) => o !== p) });
    BY_FIRST.set(phrase[0]!, list);
  }
}

/** A phrase of the question and what else may stand for it. */
export interface Alternative {
  /** The question's words the phrase covers. */
  words: string[];
  /** Other phrases (folded) a record may hold instead. */
  others: string[];
}

/** The synonym phrases in the question's runs. */
export function alternativesOf(runs: string[][]): Alternative[] {
  const out: Alternative[] = [];
  for (const run of runs) {
    run.forEach((w, i) => {
      for (const { phrase, others } of BY_FIRST.get(w) ?? []) {
        if (phrase.every((p, k) => run[i + k] === p)) out.push({ words: phrase, others });
      }
    });
  }
  return out;
}
