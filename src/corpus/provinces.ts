/**
 * Vietnam's provinces and centrally-run cities with the names people type for them.
 * Used to name plans and to recognise a place the corpus has no plan for.
 */
export interface Province {
  name: string;
  /** Other spellings, abbreviations and former names (folding handles diacritics). */
  aliases: string[];
}

export const PROVINCES: Province[] = [
  { name: 'Hà Nội', aliases: ['HN', 'Ha Noi', 'Hanoi'] },
  { name: 'Hồ Chí Minh', aliases: ['TP HCM', 'TPHCM', 'HCM', 'Sài Gòn', 'Saigon', 'Ho Chi Minh City', 'HCMC'] },
  { name: 'Hải Phòng', aliases: ['Haiphong'] },
  { name: 'Đà Nẵng', aliases: ['Danang'] },
  { name: 'Cần Thơ', aliases: ['Can Tho'] },
  { name: 'Huế', aliases: ['Hue', 'TP Huế', 'Thành phố Huế', 'Cố đô'] },
  { name: 'Thừa Thiên Huế', aliases: ['TT Huế', 'TT-Huế', 'TTHuế', 'TTH', 'Thua Thien Hue', 'Thừa Thiên - Huế'] },
  { name: 'Đắk Lắk', aliases: ['Đắc Lắc', 'Đắk Lắc', 'Đắc Lắk', 'Daklak', 'Dak Lak', 'Dak Lac', 'Đaklak', 'tỉnh ĐL'] },
  { name: 'Bình Thuận', aliases: ['Binh Thuan', 'Phan Thiết', 'BT'] },
  { name: 'An Giang', aliases: [] },
  { name: 'Bà Rịa - Vũng Tàu', aliases: ['Bà Rịa Vũng Tàu', 'BR-VT', 'Vũng Tàu'] },
  { name: 'Bắc Giang', aliases: [] },
  { name: 'Bắc Kạn', aliases: ['Bắc Cạn'] },
  { name: 'Bạc Liêu', aliases: [] },
  { name: 'Bắc Ninh', aliases: [] },
  { name: 'Bến Tre', aliases: [] },
  { name: 'Bình Định', aliases: ['Quy Nhơn'] },
  { name: 'Bình Dương', aliases: [] },
  { name: 'Bình Phước', aliases: [] },
  { name: 'Cà Mau', aliases: [] },
  { name: 'Cao Bằng', aliases: [] },
  { name: 'Đắk Nông', aliases: ['Dak Nong', 'Đắc Nông'] },
  { name: 'Điện Biên', aliases: [] },
  { name: 'Đồng Nai', aliases: [] },
  { name: 'Đồng Tháp', aliases: [] },
  { name: 'Gia Lai', aliases: [] },
  { name: 'Hà Giang', aliases: [] },
  { name: 'Hà Nam', aliases: [] },
  { name: 'Hà Tĩnh', aliases: [] },
  { name: 'Hải Dương', aliases: [] },
  { name: 'Hậu Giang', aliases: [] },
  { name: 'Hòa Bình', aliases: ['Hoà Bình'] },
  { name: 'Hưng Yên', aliases: [] },
  { name: 'Khánh Hòa', aliases: ['Khánh Hoà', 'Nha Trang'] },
  { name: 'Kiên Giang', aliases: ['Phú Quốc'] },
  { name: 'Kon Tum', aliases: [] },
  { name: 'Lai Châu', aliases: [] },
  { name: 'Lâm Đồng', aliases: ['Đà Lạt'] },
  { name: 'Lạng Sơn', aliases: [] },
  { name: 'Lào Cai', aliases: [] },
  { name: 'Long An', aliases: [] },
  { name: 'Nam Định', aliases: [] },
  { name: 'Nghệ An', aliases: ['Vinh'] },
  { name: 'Ninh Bình', aliases: [] },
  { name: 'Ninh Thuận', aliases: [] },
  { name: 'Phú Thọ', aliases: [] },
  { name: 'Phú Yên', aliases: [] },
  { name: 'Quảng Bình', aliases: [] },
  { name: 'Quảng Nam', aliases: [] },
  { name: 'Quảng Ngãi', aliases: [] },
  { name: 'Quảng Ninh', aliases: ['Hạ Long'] },
  { name: 'Quảng Trị', aliases: [] },
  { name: 'Sóc Trăng', aliases: [] },
  { name: 'Sơn La', aliases: [] },
  { name: 'Tây Ninh', aliases: [] },
  { name: 'Thái Bình', aliases: [] },
  { name: 'Thái Nguyên', aliases: [] },
  { name: 'Thanh Hóa', aliases: ['Thanh Hoá'] },
  { name: 'Tiền Giang', aliases: [] },
  { name: 'Trà Vinh', aliases: [] },
  { name: 'Tuyên Quang', aliases: [] },
  { name: 'Vĩnh Long', aliases: [] },
  { name: 'Vĩnh Phúc', aliases: [] },
  { name: 'Yên Bái', aliases: [] },
];

/** Places that contain one another: "Huế" today is the former "Thừa Thiên Huế" province. */
export const SAME_PLACE: string[][] = [['Huế', 'Thừa Thiên Huế']];

