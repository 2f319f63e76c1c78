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
  ['soan', 'soan thao', 'du thao'],
  ['dua internet', 'ket noi internet'],
  ['khen thuong', 'bieu duong', 'ton vinh'],
  ['bao chinh quyen', 'phan anh'],
  ['tu dung', 'dung rieng', 'tu dau tu'],
  ['lam lai', 'thiet ke lai', 'nang cap'],
  ['hoc hoi', 'hoc tap kinh nghiem'],
  // things
  ['ban hang truc tuyen', 'mua ban truc tuyen', 'thuong mai dien tu', 'san thuong mai dien tu'],
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
  ['chi dan', 'huong dan', 'di chi', 'chi cho'],
  // the plans' measures as people name them (drafted from the plan texts, reviewed)

  // plan-level facts: reporting, replacement, legal basis, signer, recipients, timing
  ['dinh ky bao cao', 'bao cao may lan', 'bao lau bao cao', 'bao cao thuong ky', 'tan suat bao cao', 'nop bao cao'],
  ['dinh ky 06 thang', '6 thang mot lan', 'sau thang mot lan', 'nua nam mot lan', 'hai lan mot nam'],
  ['dot xuat', 'bao cao dot xuat', 'bao cao bat thuong', 'bao cao gap'],
  ['hang nam', 'moi nam', 'nam nao cung', 'mot nam mot lan', 'thuong nien'],
  ['thay the ke hoach', 'thay cho ke hoach', 'bi thay the', 'bo ke hoach cu', 'ke hoach cu'],
  ['can cu', 'dua vao van ban', 'dua tren van ban', 'co so phap ly', 'theo quyet dinh nao', 'van ban goc'],
  ['noi nhan', 'gui cho ai', 'gui toi dau', 'ai nhan duoc', 'gui nhung noi nao'],
  ['truoc ngay', 'han chot', 'cham nhat', 'deadline', 'han nop'],
  ['sua doi bo sung', 'dieu chinh bo sung', 'sua ke hoach', 'thay doi ke hoach', 'cap nhat ke hoach', 'chinh sua'],
  ['kho khan vuong mac', 'vuong mac', 'gap kho', 'bi ket', 'trac tro', 'bat cap'],
  ['toi thieu', 'it nhat', 'thap nhat', 'khong duoi'],

  // who does what
  ['ban chi dao', 'ai chi dao', 'ban lanh dao', 'ai dieu hanh', 'truong ban'],
  ['so thong tin', 'so tttt', 'so truyen thong'],
  ['so khoa hoc', 'so khoa hoc va cong nghe', 'so ke hoach cn'],
  ['dai phat thanh', 'dai truyen hinh', 'tivi', 'radio', 'loa phat thanh'],
  ['co quan bao chi', 'bao chi', 'bao dai', 'nha bao', 'phong vien'],
  ['doan the', 'chinh tri xa hoi', 'hoi phu nu', 'hoi cuu chien binh', 'hoi doan'],
  ['doan vien thanh nien', 'tuoi tre', 'thanh nien tinh nguyen', 'sinh vien tinh nguyen', 'doan thanh nien'],
  ['hiep hoi doanh nghiep', 'hoi doanh nghiep', 'hoi doanh nhan', 'clb doanh nghiep'],
  ['phan bien chinh sach', 'gop y chinh sach', 'gop y luat', 'gop y du thao', 'gop y van ban'],
  ['cong chuc vien chuc', 'can bo cong chuc', 'can bo cong chuc vien chuc', 'nguoi lam nha nuoc', 'nhan vien nha nuoc', 'can bo nha nuoc'],

  // money
  ['nguon kinh phi', 'tien o dau ra', 'lay tien dau', 'tien tu dau', 'ai chi tien', 'ai bo tien', 'tien lay o dau'],
  ['nguon xa hoi hoa', 'von tu nhan', 'tu nhan bo tien', 'dan gop von'],
  ['nguon hop phap khac', 'nguon khac', 'tai tro', 'tien tai tro', 'vien tro'],
  ['chi thuong xuyen', 'tien chi hang nam', 'chi phi van hanh', 'chi phi duy tri'],
  ['tong chi ngan sach', 'phan tram ngan sach', 'ngan sach bao nhieu', 'tong tien ngan sach'],
  ['chi toi thieu', 'muc chi toi thieu', 'dinh muc chi', 'dinh muc', 'chi it nhat'],
  ['ngan sach tu chu', 'tu lo kinh phi', 'tu bo tien', 'tu tuc kinh phi', 'tien rieng'],
  ['thue dich vu', 'thue mua su dung', 'di thue', 'thue ngoai', 'thue phan mem', 'thue bao'],

  // figures, shares, targets, who is counted
  ['ty trong', 'ti trong', 'chiem bao nhieu', 'chiem bao nhieu phan', 'dong gop bao nhieu'],
  ['grdp', 'gdp', 'tong san pham', 'quy mo kinh te', 'nen kinh te tinh'],
  ['kinh te so', 'nen kinh te so', 'kinh te internet', 'kinh te tren mang', 'digital economy'],
  ['chuyen doi so', 'digital transformation', 'chuyen doi cong nghe', 'dua cong nghe vao'],
  ['nang suat lao dong', 'nang suat', 'hieu suat', 'nang suat lam viec', 'lam nhanh hon'],
  ['dan so truong thanh', 'tuoi thanh nien', 'nguoi truong thanh', 'nguoi lon', 'tren 18 tuoi', 'du 18 tuoi'],
  ['15 tuoi tro len', 'tren 15 tuoi', 'du 15 tuoi', 'tu 15 tuoi'],
  ['do tuoi lao dong', 'tuoi lao dong', 'nguoi di lam', 'dang di lam', 'tuoi di lam'],
  ['ho gia dinh', 'moi nha', 'tung nha', 'nha dan', 'nha nao cung'],
  ['thon xom', 'to dan pho', 'khu pho', 'xom', 'lang xom', 'thon ban', 'thon buon', 'buon lang', 'buon'],

  // procedures, online public services
  ['giai quyet thu tuc', 'xu ly thu tuc', 'lam thu tuc', 'lam giay to', 'giai quyet ho so', 'xu ly ho so'],
  ['truc tuyen toan trinh', 'toan trinh', 'hoan toan truc tuyen', 'lam het tren mang', 'khong phai den', 'khong can den', 'nop truc tuyen'],
  ['truc tuyen', 'qua mang', 'tren mang', 'qua internet', 'khong can gap mat'],
  ['tu xa', 'o nha', 'tai nha', 'khong phai di', 'ngoi nha'],
  ['dich vu cong', 'dich vu cong truc tuyen', 'thu tuc truc tuyen', 'nop qua mang'],
  ['nhap du lieu', 'khai thong tin', 'dien thong tin', 'nhap thong tin', 'dien to khai', 'dien form', 'khai bao'],
  ['mot lan', '1 lan', 'mot lan duy nhat', 'khong phai khai lai', 'khong phai nhap lai'],
  ['khong giay to', 'khong can giay to', 'bo giay to', 'khong dung giay', 'khong in an'],
  ['giam chi phi', 're hon', 'do ton kem', 'tiet kiem', 'do ton tien', 'bot ton'],
  ['hai long', 'vua long', 'vua y', 'ung y', 'danh gia can bo', 'cham diem can bo'],
  ['kho du lieu', 'luu giay to', 'cat giay to', 'giay to dien tu', 'ban sao dien tu'],
  ['so hoa', 'scan', 'scan giay to', 'chuyen sang file', 'dien tu hoa'],
  ['phan anh hien truong', 'chup hinh gui', 'gui hinh', 'to giac', 'bao o ga', 'bao den duong hu'],
  ['hoi dap', 'thac mac', 'giai dap thac mac', 'hoi chinh quyen', 'cau hoi thuong gap'],
  ['kenh tu van', 'duong day nong', 'hotline', 'tong dai', 'tong dai ho tro', 'so ho tro'],
  ['kenh giao tiep so', 'lien he chinh quyen', 'nhan tin chinh quyen', 'noi chuyen chinh quyen', 'tuong tac chinh quyen'],
  ['hue s', 'hues', 'ung dung hue s', 'ung dung cua tinh'],
  ['trung tam ioc', 'hueioc', 'ioc', 'trung tam dieu hanh', 'dieu hanh do thi'],

  // identity, signatures, accounts, devices
  ['tai khoan dinh danh', 'vneid', 'vne id', 'ung dung vneid', 'dinh danh muc 2', 'tai khoan muc 2', 'can cuoc dien tu'],
  ['xac thuc dien tu', 'xac thuc', 'xac minh', 'ekyc', 'xac nhan danh tinh', 'nhan dien khuon mat'],
  ['du lieu dan cu', 'ho khau', 'so ho khau', 'thong tin cu tru', 'tam tru'],
  ['ky so', 'ky dien tu', 'ky truc tuyen', 'ky tren dien thoai', 'ky khong can giay'],
  ['chu ky so', 'chu ky dien tu', 'lam chu ky so', 'xin chu ky so', 'usb ky so', 'token ky so'],
  ['hop dong dien tu', 'hop dong truc tuyen', 'hop dong qua mang', 'e contract'],
  ['truy cap internet', 'len mang', 'vao mang', 'luot trang thong tin dien tu', 'luot mang', 'vao internet', 'dung internet'],
  ['phuong tien so', 'thiet bi so', 'may tinh', 'may tinh bang', 'ipad', 'may vi tinh'],

  // payments, mobile money
  ['mobile money', 'tien di dong', 'tra tien bang sim', 'thanh toan bang sim', 'tru tien sim', 'khong can ngan hang', 'viettel money', 'vnpt money'],
  ['khong dung tien mat', 'khong can tien mat', 'khong su dung tien mat', 'khoi cam tien', 'cashless'],
  ['thanh toan dien tu', 'thanh toan so', 'chuyen khoan', 'internet banking', 'mobile banking', 'ung dung ngan hang', 'banking'],
  ['vi dien tu', 'momo', 'zalopay', 'vnpay', 'shopeepay', 'viettelpay', 'vi momo'],
  ['quet ma qr', 'quet qr', 'ma qr', 'qr code', 'qr'],
  ['tai khoan giao dich', 'lam the ngan hang', 'lam the atm', 'mo the atm', 'the atm'],
  ['kho tiep can', 'khong ranh cong nghe', 'mu cong nghe', 'khong biet dung', 'khong biet su dung', 'lon tuoi'],
  ['vung xa vung sau', 'vung xa', 'heo lanh', 'xa xoi', 'vung bien gioi', 'hai dao'],
  ['tieu dung moi', 'thoi quen mua sam', 'thoi quen tieu dung', 'cach mua sam moi'],
  ['thang tieu dung so', 'thang mua sam so'],
  ['ngay chuyen doi so', 'ngay 10 thang 10', 'ngay 10 10', 'su kien so'],

  // 24/7 virtual assistant, AI
  ['moi luc moi noi', '24 7', 'ca ngay lan dem', 'ngoai gio hanh chinh', 'nua dem', 'ban dem', 'cuoi tuan', 'ngay nghi', 'bat ky luc nao', 'suot ngay dem'],
  ['tro ly ao', 'tong dai ao', 'tu dong tra loi', 'tra loi tu dong', 'chat tu dong', 'chat voi may'],
  ['tri tue nhan tao', 'cong nghe ai', 'ung dung ai', 'ai tao sinh', 'chatgpt', 'chat gpt', 'may hoc'],

  // experience space, AR/VR, 3D, heritage, tourism
  ['khong gian trai nghiem', 'thu tan tay', 'dung thu', 'trai nghiem thu', 'cho thu', 'phong trung bay', 'showroom'],
  ['truc tiep trai nghiem', 'tan tay', 'tu tay dung', 'xem tan mat', 'den thu', 'thu truc tiep'],
  ['thuc te ao', 'ar', 'vr', 'thuc te tang cuong', 'hinh anh ao', 'quet dien thoai', 'kinh thuc te ao'],
  ['trien lam ao', 'trien lam 3d', 'bao tang ao', 'bao tang so', 'bao tang truc tuyen', 'tham quan ao', 'tour ao', 'virtual tour'],
  ['co vat 3d', 'hien vat 3d', 'mo hinh 3d', 'do co 3d', 'xem 3d'],
  ['du lieu quet 3d', 'quet 3d', 'scan 3d', 'ban ve 3d', 'mo hinh di tich'],
  ['chip nfc', 'nfc', 'the nfc', 'cham dien thoai', 'cham de xem', 'quet nfc'],
  ['vat luu niem', 'qua luu niem', 'do luu niem', 'souvenir', 'qua tang du lich'],
  ['chuoi khoi', 'blockchain', 'block chain'],
  ['trieu nguyen', 'nha nguyen', 'vua nguyen', 'cung dinh', 'hoang cung'],
  ['di tich', 'di san', 'dai noi', 'lang tam', 'kinh thanh'],
  ['du khach', 'khach du lich', 'khach tham quan', 'nguoi di du lich', 'khach nuoc ngoai'],
  ['quang ba van hoa', 'gioi thieu van hoa', 'quang ba du lich', 'tiep thi du lich'],
  ['wifi', 'wi fi', 'mang khong day', 'wifi mien phi', 'phat wifi'],

  // e-waste, environment
  ['rac thai dien tu', 'rac thai cong nghe', 'do dien tu cu', 'do dien tu hu', 'dien thoai hu', 'dien thoai cu', 'pin cu', 'may tinh hu', 've chai dien tu'],
  ['diem thu gom', 'noi thu gom', 'cho vut', 'noi vut', 'vut o dau', 'bo o dau', 'thu mua do cu'],
  ['hu khong', 'bi hu', 'bi khong', 'hu roi', 'khong roi', 'khong dung duoc nua'],
  ['cong nghe xu ly', 'tai che', 'xu ly rac', 'tieu huy'],
  ['moi truong xanh', 'bao ve moi truong', 'song xanh', 'giam o nhiem', 'xanh sach dep'],

  // workforce, careers, training
  ['thi truong nhan luc', 'nganh nao can nguoi', 'nganh nao thieu nguoi', 'thieu nhan luc', 'nhu cau tuyen dung', 'can tuyen nguoi'],
  ['tuong lai nghe nghiep', 'nghe co tuong lai', 'hoc nganh gi', 'chon nganh', 'chon nghe', 'dinh huong nghe nghiep', 'huong nghiep'],
  ['nganh nghe moi', 'nghe moi', 'nganh moi', 'nganh hot', 'nghe hot', 'xu huong viec lam'],
  ['trien vong viec lam', 'co hoi viec lam', 'de xin viec', 'kiem viec', 'co viec lam khong'],
  ['phuong an chuyen doi', 'chuyen nghe', 'doi nghe', 'hoc nghe moi', 'dao tao lai'],
  ['cung cau lao dong', 'tim viec', 'tuyen dung', 'san viec lam', 'viec lam truc tuyen', 'tim nguoi lam', 'tim tho'],
  ['thuc tap ngan han', 'intern', 'internship', 'thuc tap sinh', 'kien tap', 'thuc tap he'],
  ['yeu cau thuc te', 'hoc theo dat hang', 'doanh nghiep dat hang', 'hoc xong co viec', 'hoc sat thuc te'],
  ['mo them chuyen nganh', 'mo nganh moi', 'mo nganh', 'nganh hoc moi', 'tuyen sinh nganh moi'],
  ['chuyen gia hang dau', 'chieu mo', 'thu hut nhan tai', 'nhan tai', 'chat xam', 'nguoi gioi'],
  ['nhan luc so', 'nhan luc cong nghe thong tin', 'nguoi lam cong nghe', 'lao dong cong nghe', 'dan cong nghe'],
  ['ky nang so', 'ky nang cong nghe', 'ky nang tin hoc', 'biet dung dien thoai', 'biet dung may tinh', 'su dung dien thoai', 'tin hoc van phong'],
  ['sat hach', 'thi ky nang', 'kiem tra ky nang', 'chung chi ky nang', 'chung chi tin hoc', 'chuan ky nang so'],
  ['khoa dao tao', 'lop tap huan', 'lop boi duong', 'mo lop', 'lop hoc mien phi', 'dang ky hoc'],
  ['to cong nghe so', 'to cong nghe', 'tinh nguyen vien so', 'ho tro o thon', 'nguoi huong dan dan', 'to nhom', 'lap to', 'nhom ho tro', 'doi ho tro'],
  ['tro giup nguoi dan', 'giup dan', 'cam tay chi viec', 'huong dan tan noi', 'chi tan tinh'],
  ['make in viet nam', 'made in vietnam', 'hang viet', 'cong nghe viet', 'nen tang viet', 'san pham viet'],

  // schools, learning
  ['giao vien', 'thay co', 'thay giao', 'co giao', 'nha giao', 'giang vien'],
  ['giao duc nghe nghiep', 'truong nghe', 'hoc nghe', 'trung cap nghe', 'day nghe', 'trung tam day nghe'],
  ['stem steam', 'stem', 'steam', 'giao duc stem', 'hoc lap trinh', 'lap rap robot'],
  ['hoc truc tuyen', 'hoc qua mang', 'lop truc tuyen', 'khoa hoc truc tuyen', 'e learning', 'elearning', 'hoc tu xa', 'mooc'],
  ['kho hoc lieu so', 'hoc lieu so', 'bai giang dien tu', 'giao an dien tu', 'bai giang so', 'tai lieu hoc tap'],
  ['thu vien dien tu', 'thu vien so', 'thu vien truc tuyen', 'doc sach truc tuyen', 'ebook', 'sach dien tu'],
  ['quan tri so', 'so diem dien tu', 'so lien lac', 'quan ly truong hoc', 'phan mem nha truong'],

  // health
  ['so suc khoe', 'ho so suc khoe', 'so kham benh', 'benh an dien tu', 'ho so benh an', 'lich su kham benh'],
  ['chua benh tu xa', 'kham benh tu xa', 'kham truc tuyen', 'bac si truc tuyen', 'kham qua video', 'telehealth'],
  ['tu van suc khoe', 'hoi bac si', 'bac si tu van', 'goi bac si'],
  ['quan ly tiem chung', 'tiem chung', 'tiem phong', 'so tiem chung', 'lich tiem', 'chich ngua', 'tiem vac xin', 'vaccine'],
  ['tram y te xa', 'tram y te', 'y te xa', 'y te co so'],
  ['benh vien thong minh', 'benh vien so', 'benh vien khong giay', 'khong can so kham'],

  // security, safety online
  ['phan mem bao ve', 'phan mem diet virus', 'diet virus', 'chong virus', 'antivirus', 'bkav', 'kaspersky'],
  ['ma doc', 'virus', 'malware', 'phan mem doc hai', 'link doc', 'link la', 'ung dung la', 'trojan'],
  ['mang duoc bao ve', 'an toan tren mang', 'dung mang an toan', 'luot mang an toan'],
  ['du lieu ca nhan', 'thong tin ca nhan', 'lo thong tin', 'ro ri thong tin', 'bi lo du lieu', 'thong tin rieng tu', 'quyen rieng tu'],
  ['bao ve tai khoan', 'giu tai khoan', 'doi mat khau', 'mat khau', 'xac thuc hai lop', 'ma otp'],
  ['thong tin vi pham', 'noi dung xau', 'noi dung doc hai', 'noi xau', 'boi nho', 'noi dung phan cam'],
  ['ung cuu su co', 'khac phuc su co', 'xu ly su co', 'doi ung cuu', 'khi bi tan cong'],

  // data, maps, land, registries, surveys
  ['du lieu mo', 'cong du lieu mo', 'open data', 'du lieu cong khai', 'so lieu cong khai', 'tai du lieu'],
  ['cong khai', 'cong bo', 'minh bach', 'cho dan biet', 'dang cong khai'],
  ['du lieu dat dai', 'so khong', 'thua dat', 'tra cuu dat', 'ban do dia chinh'],
  ['nguoi co cong', 'gia dinh chinh sach', 'thuong binh', 'liet si', 'che do chinh sach'],
  ['quan ly giam ngheo', 'ra soat ho ngheo', 'ho can ngheo', 'binh xet ho ngheo', 'so ho ngheo'],
  ['chia se du lieu', 'lien thong du lieu', 'ket noi du lieu', 'dong bo du lieu', 'du lieu dung chung'],
  ['ban do so', 'google map', 'google maps', 'ban do truc tuyen', 'xem ban do', 'dinh vi', 'tim duong'],
  ['dia chi so', 'ma dia chi', 'dia chi nha', 'so nha', 'dinh vi nha'],
  ['thu thap y kien', 'lay y kien', 'hoi y kien', 'tham do y kien', 'khao sat y kien', 'xin y kien'],

  // infrastructure, connectivity, cloud
  ['ha tang so', 'ha tang cong nghe', 'ha tang mang', 'ha tang vien thong', 'cot song', 'tram phat song', 'tram bts'],
  ['cap quang', 'mang cap quang', 'internet cap quang', 'lap mang', 'keo mang', 'lap internet', 'lap wifi', 'mang fpt', 'mang vnpt', 'mang viettel'],
  ['bang thong rong', 'bang rong', 'mang manh', 'mang nhanh', 'toc do cao', 'internet toc do cao'],
  ['di dong bang rong', '4g', '5g', 'mang 4g', 'mang 5g', 'song 5g', 'data di dong', 'goi data'],
  ['vung lom', 'vung trang', 'lom song', 'mat song', 'yeu song', 'khong co song', 'song yeu', 'song chap chon', 'rot mang', 'mang yeu', 'mang cham', 'lag'],
  ['phu song', 'co song', 'bat song', 'song dien thoai', 'phu song 5g'],
  ['lo trinh dung', 'tat song 2g', 'dung 2g', 'dung song 2g', 'cat song 2g'],
  ['dien thoai thong minh', 'smartphone', 'smart phone', 'dien thoai cam ung', 'iphone', 'dien thoai android'],
  ['pho cap dien thoai', 'tang dien thoai', 'ho tro dien thoai', 'tro gia dien thoai', 'dien thoai gia re', 'cho muon dien thoai'],
  ['doanh nghiep vien thong', 'viettel', 'vnpt', 'mobifone', 'vinaphone', 'fpt', 'nha mang di dong'],
  ['dien toan dam may', 'cloud', 'dam may', 'luu tru dam may', 'google drive', 'icloud', 'may chu ao'],

  // office work, web, apps
  ['lam viec so', 'cong so so', 'van phong dien tu', 'van phong so', 'e office', 'eoffice', 'lam viec tren mang'],
  ['hop truc tuyen', 'hop qua mang', 'hop video', 'zoom', 'google meet', 'meeting'],
  ['thu dien tu', 'email', 'gmail', 'hop thu', 'e mail'],
  ['giao dich dien tu', 'giao dich truc tuyen', 'giao dich qua mang', 'mua ban qua mang'],
  ['trang thong tin', 'cong thong tin', 'trang trang thong tin dien tu tinh', 'trang thong tin dien tu tinh', 'trang trang thong tin dien tu chinh quyen'],
  ['phan mem', 'ung dung di dong', 'ung dung dien thoai', 'tai ung dung', 'cai ung dung', 'software'],
  ['trang thong tin dien tu', 'trang trang thong tin dien tu', 'lam trang thong tin dien tu', 'trang thong tin dien tu ban hang'],

  // business, trade, farming
  ['doanh nghiep cong nghe', 'cong ty cong nghe', 'cong ty phan mem', 'cong ty it', 'startup cong nghe'],
  ['ho kinh doanh', 'tieu thuong', 'buon ban nho', 'kinh doanh nho le', 'sap cho', 'quan an', 'buon ban'],
  ['co so san xuat', 'xuong san xuat', 'lo san xuat', 'nha xuong'],
  ['khu cong nghe cao', 'khu cong nghe', 'hi tech park', 'khu cong nghe thong tin tap trung'],
  ['khoi nghiep', 'khoi nghiep sang tao', 'startup', 'start up', 'lap cong ty', 'mo cong ty', 'tu lam chu'],
  ['uom tao', 'vuon uom', 'incubator', 'ho tro startup', 'uom tao khoi nghiep'],
  ['keu goi', 'moi goi dau tu', 'thu hut dau tu', 'xuc tien dau tu', 'moi nha dau tu'],
  ['doanh nghiep nuoc ngoai', 'cong ty nuoc ngoai', 'von nuoc ngoai', 'fdi'],
  ['chuyen giao cong nghe', 'chuyen giao', 'mua cong nghe'],
  ['hop tac quoc te', 'hop tac nuoc ngoai', 'quan he quoc te', 'lien ket nuoc ngoai'],
  ['thuong mai dien tu', 'shopee', 'lazada', 'tiki', 'tiktok cua hang', 'sendo', 'len san'],
  ['dua san pham', 'dua hang len mang', 'dua hang len san', 'dang ban len mang', 'len san ban hang'],
  [
    'kinh doanh truc tuyen',
    'ban hang tren mang',
    'livestream',
    'livestream ban hang',
    'live ban hang',
    'ban hang qua facebook',
    'ban hang qua zalo',
    'ban hang tiktok',
  ],
  ['doanh nhan', 'tu kinh doanh', 'lam ong chu', 'lam ba chu'],
  ['nong san', 'dac san', 'san vat', 'trai cay', 'rau cu', 'hang nha vuon', 'ca phe'],
  ['san nong san', 'cho nong san', 'ban nong san', 'nong san truc tuyen'],
  ['truy xuat nguon goc', 'nguon goc', 'xuat xu', 'ma truy xuat', 'tem truy xuat', 'hang that hang gia'],
  ['so nong nghiep', 'nong nghiep so', 'nong nghiep thong minh', 'nong nghiep cong nghe', 'tuoi tu dong'],
  ['nen tang quan tri', 'phan mem quan ly', 'erp', 'quan ly ban hang', 'phan mem ban hang', 'quan ly kho', 'crm'],
  ['chi so danh gia', 'cham diem chuyen doi', 'xep hang chuyen doi', 'chuyen doi toi dau', 'dbi'],
  ['ho tro doanh nghiep', 'giup doanh nghiep', 'ho tro cong ty', 'chuong trinh ho tro'],
  ['ket noi cung cau', 'xuc tien thuong mai', 'hoi cho truc tuyen', 'ket noi giao thuong', 'tim dau ra', 'tim khach hang'],
  ['bao ve quyen loi', 'mua phai hang gia', 'hang gia', 'hang kem chat luong', 'doi tra hang', 'khieu nai nguoi ban'],

  // communication, awareness, campaigns
  ['tuyen truyen', 'quang ba', 'pho bien', 'lam cho dan biet', 'bao cho dan biet'],
  ['trien lam', 'hoi cho', 'expo', 'trung bay'],
  ['kenh truyen thong', 'kenh zalo', 'zalo oa', 'trang zalo', 'nhom zalo', 'fanpage'],
  ['phim tai lieu', 'phong su', 'clip', 'video', 'phim ngan'],
  ['truyen hinh so', 'truyen hinh truc tuyen', 'xem tivi truc tuyen', 'ung dung truyen hinh', 'phat thanh truc tuyen', 'nghe dai truc tuyen', 'podcast'],
  ['noi dung so', 'lam noi dung', 'san xuat noi dung', 'content', 'lam video', 'youtuber', 'tiktoker', 'kol'],
  ['truyen thong so', 'marketing truc tuyen', 'quang cao truc tuyen', 'chay quang cao', 'digital marketing', 'tiep thi so'],
  ['cau chuyen thanh cong', 'chuyen thanh cong', 'tam guong', 'nguoi that viec that'],
  ['sang kien', 'y tuong moi', 'y tuong hay', 'cach lam hay', 'cai tien'],
  ['mo hinh dien hinh', 'mo hinh mau', 'dien hinh', 'lam mau', 'diem sang'],
  ['nhan rong', 'lan toa', 'ap dung rong rai', 'lam o nhieu noi'],

  // rules, pilots, downsides, inclusion
  ['sand box', 'sandbox', 'khung thu nghiem', 'thu nghiem kiem soat', 'cho thu truoc'],
  ['thi diem', 'lam thu', 'thu nghiem', 'pilot', 'lam diem'],
  ['tac dong tieu cuc', 'mat trai', 'tac hai', 'anh huong xau', 'nghien dien thoai', 'nghien game', 'nghien mang'],
  ['thu hep khoang cach', 'rut ngan khoang cach', 'khong bo lai ai', 'ai cung duoc dung', 'cong bang'],
  ['de dang tiep can', 'de tiep can', 'ai cung dung duoc', 'de su dung'],
  ['van hoa so', 'van hoa mang', 'ung xu tren mang', 'van minh tren mang', 'quy tac ung xu'],
];

/** A phrase a record may hold, split once: its words and adjacent pairs. */
export interface Phrase {
  words: readonly string[];
  /** "a b c" → ["a b", "b c"]; empty for one word. */
  pairs: readonly string[];
}

function phraseOf(text: string): Phrase {
  const words = text.split(' ');
  return { words, pairs: words.slice(1).map((w, i) => `${words[i]} ${w}`) };
}

/** Group members by their first word, to find the phrases a run holds without scanning every group. */
const BY_FIRST = new Map<string, { phrase: readonly string[]; others: Phrase[] }[]>();
{
  const phrases = new Map<string, Phrase>();
  const split = (p: string) => phrases.get(p) ?? (phrases.set(p, phraseOf(p)), phrases.get(p)!);
  for (const group of SYNONYMS) {
    for (const p of group) {
      const phrase = split(p).words;
      const list = BY_FIRST.get(phrase[0]!) ?? [];
      list.push({ phrase, others: group.filter((o) => o !== p).map(split) });
      BY_FIRST.set(phrase[0]!, list);
    }
  }
}

/** A phrase of the question and what else may stand for it. */
export interface Alternative {
  /** The question's words the phrase covers. */
  words: readonly string[];
  /** Other phrases (folded) a record may hold instead. */
  others: readonly Phrase[];
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
