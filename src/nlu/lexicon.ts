/**
 * Words people use, folded (no diacritics, lowercase). Vietnamese with or without
 * accents folds to the same key; English cues sit beside them.
 */

/** An indicator concept: what users type → what the target's text says. */
export interface IndicatorConcept {
  id: string;
  /** Folded phrases a user may type. */
  user: string[];
  /** Folded phrases one of which the target's text must contain. */
  target: string[];
  vi: string;
  en: string;
}

export const INDICATORS: IndicatorConcept[] = [
  { id: 'smartphone', user: ['dien thoai thong minh', 'smartphone', 'smart phone', 'dtdd thong minh'], target: ['dien thoai thong minh'], vi: 'điện thoại thông minh', en: 'smartphone ownership' },
  { id: 'signature', user: ['chu ky so', 'chu ky dien tu', 'ky so ca nhan', 'digital signature', 'e-signature', 'electronic signature', 'esignature'], target: ['chu ky so hoac chu ky dien tu'], vi: 'chữ ký số', en: 'digital signatures' },
  { id: 'ecommerce', user: ['thuong mai dien tu', 'tmdt', 'e-commerce', 'ecommerce', 'tong muc ban le', 'ban le', 'retail'], target: ['thuong mai dien tu trong tong muc ban le'], vi: 'thương mại điện tử', en: 'e-commerce share of retail' },
  { id: 'fibre', user: ['cap quang', 'bang rong', 'fibre', 'fiber', 'broadband', 'internet toi ho gia dinh'], target: ['cap quang'], vi: 'Internet băng rộng cáp quang', en: 'fibre broadband coverage' },
  { id: 'dvctt', user: ['dich vu cong truc tuyen', 'dvctt', 'dvc truc tuyen', 'online public service', 'public services online', 'e-government service', 'online government service'], target: ['dich vu cong truc tuyen'], vi: 'dịch vụ công trực tuyến', en: 'online public services' },
  { id: 'ehealth', user: ['ho so suc khoe dien tu', 'so suc khoe dien tu', 'suc khoe dien tu', 'hssk', 'e-health record', 'ehealth record', 'electronic health record', 'health record', 'health book'], target: ['suc khoe dien tu'], vi: 'hồ sơ sức khỏe điện tử', en: 'electronic health records' },
  { id: 'telehealth', user: ['tu van suc khoe truc tuyen', 'kham chua benh tu xa', 'kham benh tu xa', 'telemedicine', 'telehealth', 'remote consultation', 'remote medical', 'online health consultation'], target: ['kham chua benh tu xa'], vi: 'tư vấn sức khỏe trực tuyến, khám chữa bệnh từ xa', en: 'telemedicine use' },
  { id: 'sector-share', user: ['tung nganh, linh vuc', 'tung nganh linh vuc', 'trong tung nganh', 'moi nganh', 'each sector', 'every sector', 'per sector', 'each industry'], target: ['trong tung nganh'], vi: 'tỷ trọng kinh tế số trong từng ngành, lĩnh vực', en: 'digital economy share in each sector' },
  { id: 'de-share', user: ['ty trong kinh te so', 'kinh te so chiem', 'grdp', 'gdp', 'digital economy share', 'share of the digital economy', 'share of digital economy', 'digital economy account', 'digital economy as a share'], target: ['#unit-gdp'], vi: 'tỷ trọng kinh tế số trong GRDP', en: 'digital economy share of GRDP' },
  { id: 'econtract', user: ['hop dong dien tu', 'e-contract', 'electronic contract', 'econtract'], target: ['hop dong dien tu'], vi: 'hợp đồng điện tử', en: 'e-contracts' },
  { id: 'sme', user: ['doanh nghiep nho va vua', 'dnnvv', 'nho va vua', 'sme', 'smes', 'small and medium', 'nen tang so doanh nghiep', 'hop tac xa, ho kinh doanh'], target: ['nho va vua su dung nen tang so', 'ho kinh doanh su dung nen tang so'], vi: 'doanh nghiệp nhỏ và vừa sử dụng nền tảng số', en: 'SMEs using digital platforms' },
  { id: 'workforce', user: ['nhan luc lao dong kinh te so', 'nhan luc kinh te so', 'lao dong kinh te so', 'luc luong lao dong', 'digital economy workforce', 'digital workforce', 'workforce', 'labour force', 'labor force'], target: ['nhan luc lao dong kinh te so'], vi: 'nhân lực kinh tế số trong lực lượng lao động', en: 'digital-economy share of the workforce' },
  { id: 'payment', user: ['tai khoan giao dich thanh toan', 'tai khoan thanh toan', 'tai khoan ngan hang', 'bank account', 'payment account', 'bank accounts'], target: ['tai khoan giao dich thanh toan'], vi: 'tài khoản giao dịch thanh toán', en: 'payment accounts' },
  { id: 'skills', user: ['ky nang so co ban', 'ky nang so', 'digital skills', 'digital skill', 'digital literacy'], target: ['dao tao ky nang so co ban'], vi: 'đào tạo kỹ năng số cơ bản', en: 'basic digital skills training' },
  { id: 'cyber', user: ['bao ve o muc co ban', 'duoc bao ve', 'ket noi mang duoc bao ve', 'an toan thong tin ca nhan', 'cyber', 'protected', 'cybersecurity', 'online protection'], target: ['bao ve o muc co ban'], vi: 'người dân kết nối mạng được bảo vệ ở mức cơ bản', en: 'people protected online' },
  { id: 'universities', user: ['dai hoc', 'cao dang', 'giao duc nghe nghiep', 'university', 'universities', 'college', 'vocational'], target: ['co so dao tao dai hoc'], vi: 'cơ sở đào tạo đại học, cao đẳng, giáo dục nghề nghiệp', en: 'universities and colleges with digital governance' },
  { id: 'schools', user: ['tieu hoc', 'trung hoc pho thong', 'pho thong', 'truong hoc', 'schools', 'primary school', 'high school'], target: ['tu tieu hoc den trung hoc pho thong'], vi: 'cơ sở giáo dục phổ thông', en: 'schools with digital governance' },
  { id: 'productivity', user: ['nang suat lao dong', 'labour productivity', 'labor productivity', 'productivity'], target: ['nang suat lao dong'], vi: 'năng suất lao động', en: 'labour productivity' },
  { id: 'admin-online', user: ['thu tuc hanh chinh', 'tthc', 'toan trinh', 'administrative procedure'], target: ['thu tuc hanh chinh'], vi: 'thủ tục hành chính trực tuyến', en: 'administrative procedures online' },
];

/** Cue phrases per intent (folded). Order of checks lives in intent.ts. */
export const CUES = {
  greeting: /^(xin chao|chao( ban| bot)?|hello|hi|hey|alo|good (morning|afternoon|evening))\b/,
  help: /(^\/?(help|start|tro giup|huong dan)\b|ban (lam|giup) duoc (gi|nhung gi)|what can you do|how (do i|to) use|giup toi voi|cach (dung|su dung)|\bhelp\b)/,
  thanks: /^(cam on|thanks|thank you|ok|oke|okay)\b/,
  planList: /(danh sach|nhung|cac|bao nhieu) ke hoach|ke hoach nao (co|duoc)|co nhung ke hoach|list (of )?(the )?plans|which plans|what plans|how many plans/,
  signer: /\b(ai ky|nguoi ky|ky ban hanh|ky ke hoach|ai da ky|ky boi|signed|signer|signatory)\b/,
  date: /(ban hanh (vao )?ngay|ngay ban hanh|nam ban hanh|ngay nao|ngay ky|ky ngay|ban hanh (vao )?(nam|thang|khi|luc) nao|ban hanh bao gio|issued|issue date|date of|when was|what year)/,
  number: /(so hieu|so ky hieu|so van ban|ke hoach so (bao nhieu|may)|ke hoach .*\bso (bao nhieu|may)$|mang so|what number|plan number|reference number)/,
  counts: /(bao nhieu|may|how many|number of) (nhiem vu|chi tieu|muc tieu|tasks|targets)/,
  replaces: /(thay the|replace|supersede)/,
  deadline: /(thoi han|han chot|han bao cao|truoc ngay|deadline|due date|bao cao truoc|khi nao phai bao cao|bao gio phai|report by)/,
  compare: /(so sanh|compare|comparison|giua cac (tinh|ke hoach|dia phuong)|cac tinh|across (plans|provinces)|between)/,
  monitor: /(theo doi|don doc|giam sat chi tieu|monitor|oversee|track)/,
  support: /(phoi hop|partner|cooperat|support|ho tro thuc hien|don vi phoi hop|co quan phoi hop|work with|assist)/,
  time: /(thoi gian|khi nao|bao gio|nam nao|thoi han thuc hien|trien khai (vao|trong) (nam|thoi gian)|when|timeline|timeframe|time frame|which year|deadline|schedule)/,
  note: /(ghi chu|luu y|note)/,
  about: /(noi ve (gi|cai gi|viec gi)|noi dung|la gi|la nhiem vu gi|ve viec gi|lam gi|thuoc (nhom|muc|phan|linh vuc|nhiem vu) nao|about what|what is (task|it)|what does task|what is .+ about|describe|ten nhiem vu|what .+ about|which (section|group|part))/,
  lead: /(chu tri|ai (lam|phu trach|thuc hien|chiu trach nhiem)|co quan nao|don vi nao|phu trach|lead|in charge|responsible|who (runs|handles|is)|owner)/,
  agencyTasks: /(nhung nhiem vu nao|nhiem vu nao|nhiem vu gi|cac nhiem vu|bao nhieu nhiem vu|nhung viec (nao|gi)|viec gi|lam (nhung )?gi|duoc giao|giao (cho )?.*gi|trach nhiem (gi|nao)|which tasks|what tasks|tasks (does|do|led)|list (the )?tasks|how many tasks|lead on|responsible for what|what does .* do)/,
  target: /(muc tieu|chi tieu|ty le|ty trong|bao nhieu|phan tram|%|target|goal|percent|share|rate|coverage|dat bao nhieu|aim)/,
  topic: /(noi gi ve|noi gi|de cap (gi )?(den|toi)|nhac (den|toi)|co gi ve|(ke hoach|nhiem vu|giai phap|quy dinh) (gi|nao) (ve|lien quan)|the nao ve|what does .* say|say about|mention|regarding|which tasks? (are |is )?(about|on)|ve (van de|chu de|noi dung))/,
  followUp: /^(con|the con|vay con|va|what about|how about|and( for| in)?|same for|con voi)\b/,
  planWord: /\b(ke hoach|kh|plan)\b/,
  outOfScope: /(thoi tiet|weather|bong da|football|gia vang|xo so|lottery|nau an|recipe|chung khoan|stock price|bitcoin)/,
};

/** English topic words → the plans' Vietnamese (folded), so English topic questions find passages. */
export const EN_TOPICS: [string, string][] = [
  ['open data', 'du lieu mo'],
  ['cashless payment', 'thanh toan khong dung tien mat'],
  ['cashless', 'khong dung tien mat'],
  ['digital payment', 'thanh toan so'],
  ['virtual assistant', 'tro ly ao'],
  ['chatbot', 'tro ly ao'],
  ['digital skill', 'ky nang so'],
  ['cloud computing', 'dien toan dam may'],
  ['cloud', 'dien toan dam may'],
  ['data center', 'trung tam du lieu'],
  ['data centre', 'trung tam du lieu'],
  ['cybersecurity', 'an toan thong tin'],
  ['cyber security', 'an toan thong tin'],
  ['information security', 'an toan thong tin'],
  ['artificial intelligence', 'tri tue nhan tao'],
  ['big data', 'du lieu lon'],
  ['digital platform', 'nen tang so'],
  ['community digital technology team', 'to cong nghe so cong dong'],
  ['digital technology team', 'to cong nghe so cong dong'],
  ['smart city', 'do thi thong minh'],
  ['digital government', 'chinh quyen so'],
  ['e-government', 'chinh quyen dien tu'],
  ['startup', 'khoi nghiep'],
  ['innovation', 'doi moi sang tao'],
  ['digital map', 'ban do so'],
  ['digital address', 'dia chi so'],
  ['digital economy', 'kinh te so'],
  ['digital society', 'xa hoi so'],
  ['digital transformation', 'chuyen doi so'],
  ['digital citizen', 'cong dan so'],
  ['digital culture', 'van hoa so'],
  ['digital enterprise', 'doanh nghiep so'],
  ['digital business', 'doanh nghiep so'],
  ['funding', 'kinh phi'],
  ['budget', 'kinh phi'],
  ['international cooperation', 'hop tac quoc te'],
  ['training', 'dao tao'],
  ['heritage', 'di san'],
  ['tourism', 'du lich'],
  ['agriculture', 'nong nghiep'],
  ['agricultural product', 'nong san'],
  ['hospital', 'benh vien'],
  ['school', 'truong hoc'],
  ['electronic medical record', 'benh an dien tu'],
  ['vaccination', 'tiem chung'],
  ['land database', 'co so du lieu dat dai'],
  ['postal', 'buu chinh'],
  ['logistics', 'logistic'],
  ['e-commerce platform', 'san thuong mai dien tu'],
  ['electronic waste', 'rac thai dien tu'],
  ['e-waste', 'rac thai dien tu'],
  ['surveillance camera', 'camera'],
  ['mobile money', 'mobile money'],
  ['electronic identification', 'dinh danh dien tu'],
  ['digital identity', 'danh tinh so'],
  ['broadband', 'bang rong'],
  ['fibre', 'cap quang'],
  ['fiber', 'cap quang'],
];
