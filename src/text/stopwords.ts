/** Function words (folded) that carry no topic: left out of search terms. */
export const STOPWORDS = new Set(
  (
    'va cua cac cho trong duoc de la voi tren theo tai den tu mot nhung nay do ve o khi thi ma hoac ' +
    'co khong gi nao bao nhieu the nhu hay da se dang cung con ra vao nen neu tung moi ' +
    'ke hoach kh noi gi gia doan nam tinh thanh pho ' +
    'the a an of to in on for and or is are what which who does do did say says about plan plans with by at from how'
  ).split(' '),
);
