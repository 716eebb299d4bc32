/**
 * Name material for demo customers and managers: Chinese surnames weighted by
 * rough population share, given-name characters split by gender and era, and
 * romanised foreign names with their nationality.
 */
import type { Random, Weighted } from './random.js';

/** Gender as stored on `customers.gender`. */
export type Gender = 'MALE' | 'FEMALE';

/**
 * Common surnames with weights ≈ population share in per-mille (7th census
 * order of magnitude). Compound surnames are rare but present so that code
 * splitting a name cannot get away with assuming a one-character surname.
 */
export const SURNAMES: readonly Weighted<string>[] = [
  ['王', 71],
  ['李', 70],
  ['张', 67],
  ['刘', 54],
  ['陈', 46],
  ['杨', 31],
  ['黄', 22],
  ['赵', 20],
  ['吴', 18],
  ['周', 17],
  ['徐', 13],
  ['孙', 12],
  ['马', 12],
  ['朱', 11],
  ['胡', 10],
  ['郭', 10],
  ['何', 9],
  ['林', 9],
  ['高', 9],
  ['罗', 8],
  ['郑', 8],
  ['梁', 7],
  ['谢', 6],
  ['宋', 6],
  ['唐', 5],
  ['许', 5],
  ['韩', 5],
  ['冯', 5],
  ['邓', 5],
  ['曹', 5],
  ['彭', 4],
  ['曾', 4],
  ['肖', 4],
  ['田', 4],
  ['董', 4],
  ['袁', 4],
  ['潘', 4],
  ['于', 3],
  ['蒋', 3],
  ['蔡', 3],
  ['余', 3],
  ['杜', 3],
  ['叶', 3],
  ['程', 3],
  ['苏', 3],
  ['魏', 3],
  ['吕', 3],
  ['丁', 3],
  ['任', 3],
  ['沈', 3],
  ['姚', 3],
  ['卢', 3],
  ['姜', 2],
  ['崔', 2],
  ['钟', 2],
  ['谭', 2],
  ['陆', 2],
  ['汪', 2],
  ['范', 2],
  ['金', 2],
  ['石', 2],
  ['廖', 2],
  ['贾', 2],
  ['夏', 2],
  ['韦', 2],
  ['付', 2],
  ['方', 2],
  ['白', 2],
  ['邹', 2],
  ['孟', 2],
  ['熊', 2],
  ['秦', 2],
  ['邱', 2],
  ['江', 2],
  ['尹', 2],
  ['薛', 2],
  ['闫', 2],
  ['段', 2],
  ['雷', 2],
  ['侯', 2],
  ['龙', 1],
  ['史', 1],
  ['陶', 1],
  ['黎', 1],
  ['贺', 1],
  ['顾', 1],
  ['毛', 1],
  ['郝', 1],
  ['龚', 1],
  ['邵', 1],
  ['万', 1],
  ['钱', 1],
  ['严', 1],
  ['覃', 1],
  ['武', 1],
  ['戴', 1],
  ['莫', 1],
  ['孔', 1],
  ['向', 1],
  ['汤', 1],
  ['欧阳', 0.3],
  ['司马', 0.1],
  ['诸葛', 0.1],
  ['上官', 0.1],
  ['东方', 0.1],
  ['皇甫', 0.05],
  ['慕容', 0.05],
  ['令狐', 0.05],
];

/** Characters typical of men's names given before the mid-1970s. */
const MALE_CLASSIC = [
  '建',
  '国',
  '军',
  '华',
  '明',
  '强',
  '伟',
  '平',
  '刚',
  '勇',
  '志',
  '德',
  '福',
  '海',
  '林',
  '庆',
  '卫',
  '东',
  '兵',
  '民',
  '生',
  '忠',
  '春',
  '文',
  '荣',
  '根',
  '山',
  '永',
  '胜',
  '宝',
] as const;
/** Characters typical of men's names given since the 1980s. */
const MALE_MODERN = [
  '浩',
  '宇',
  '轩',
  '睿',
  '泽',
  '昊',
  '航',
  '哲',
  '翔',
  '锋',
  '毅',
  '彬',
  '杰',
  '涛',
  '斌',
  '超',
  '鹏',
  '辉',
  '飞',
  '鑫',
  '波',
  '凯',
  '健',
  '俊',
  '帆',
  '帅',
  '旭',
  '龙',
  '峰',
  '博',
  '磊',
  '晨',
  '然',
  '铭',
  '楠',
  '豪',
  '亮',
  '鸿',
  '骏',
  '诚',
] as const;
/** Characters typical of women's names given before the mid-1970s. */
const FEMALE_CLASSIC = [
  '秀',
  '英',
  '兰',
  '桂',
  '珍',
  '凤',
  '芳',
  '红',
  '梅',
  '玉',
  '淑',
  '萍',
  '霞',
  '琴',
  '丽',
  '华',
  '敏',
  '娟',
  '燕',
  '艳',
  '翠',
  '花',
  '素',
  '月',
  '荣',
] as const;
/** Characters typical of women's names given since the 1980s. */
const FEMALE_MODERN = [
  '娜',
  '静',
  '婷',
  '雪',
  '琳',
  '晶',
  '颖',
  '倩',
  '慧',
  '莉',
  '洁',
  '欣',
  '怡',
  '佳',
  '雅',
  '蕾',
  '薇',
  '璐',
  '瑶',
  '婧',
  '琪',
  '萱',
  '涵',
  '诗',
  '梦',
  '悦',
  '彤',
  '妍',
  '菲',
  '露',
  '蓉',
  '婉',
  '岚',
  '馨',
  '然',
  '琦',
  '一',
  '可',
  '沁',
  '媛',
] as const;
/** Characters used for either gender. */
const NEUTRAL = [
  '子',
  '思',
  '雨',
  '晓',
  '嘉',
  '安',
  '心',
  '乐',
  '天',
  '云',
  '宁',
  '文',
  '嘉',
  '若',
  '清',
  '欣',
  '晴',
  '家',
  '恒',
  '立',
  '宏',
  '俊',
  '梓',
  '语',
  '依',
  '书',
  '艺',
  '逸',
  '静',
  '远',
] as const;

const unique = (...lists: readonly (readonly string[])[]): readonly string[] => [...new Set(lists.flat())];

/** Every given-name character in use (deduplicated). */

const POOLS = {
  MALE: { classic: unique(MALE_CLASSIC), modern: unique(MALE_MODERN) },
  FEMALE: { classic: unique(FEMALE_CLASSIC), modern: unique(FEMALE_MODERN) },
} as const;
const NEUTRAL_POOL = unique(NEUTRAL);

/**
 * A Chinese full name of 2–3 characters. Naming fashions changed a lot, so the
 * birth year steers the choice between older and newer characters, and the
 * share of one-character given names (common for people born 1960–1990).
 *
 * @param birthYear defaults to 1985 when unknown
 */
export function chineseName(rng: Random, gender: Gender, birthYear = 1985): string {
  const surname = rng.weighted(SURNAMES);
  const classicShare = birthYear < 1975 ? 0.75 : birthYear < 1995 ? 0.4 : 0.15;
  const oneChar = birthYear >= 1960 && birthYear < 1990 ? 0.35 : 0.15;
  const pool = () => {
    if (rng.chance(0.15)) return NEUTRAL_POOL;
    return rng.chance(classicShare) ? POOLS[gender].classic : POOLS[gender].modern;
  };
  // Compound surnames take a single given character to stay within three characters.
  const givenLength = surname.length > 1 || rng.chance(oneChar) ? 1 : 2;
  let given = rng.pick(pool());
  if (givenLength === 2) {
    let second = rng.pick(pool());
    // 重叠名 (e.g. 婷婷) exist but a doubled character should be rare.
    if (second === given && rng.chance(0.8)) second = rng.pick(pool());
    given += second;
  }
  return surname + given;
}

/** Foreign nationalities used for non-resident demo customers (ISO 3166-1 alpha-2). */
export type ForeignNationality = 'US' | 'GB' | 'JP' | 'KR' | 'SG' | 'DE' | 'FR' | 'AU' | 'CA';

interface NamePool {
  male: readonly string[];
  female: readonly string[];
  family: readonly string[];
  /** East Asian names are written family name first. */
  familyFirst: boolean;
}

const ANGLO_FAMILY = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Taylor', 'Anderson'];

/** Romanised given and family names per foreign nationality. */
export const FOREIGN_NAME_POOLS: Readonly<Record<ForeignNationality, NamePool>> = {
  US: {
    male: ['James', 'John', 'Robert', 'Michael', 'David', 'William', 'Daniel', 'Matthew'],
    female: ['Mary', 'Jennifer', 'Linda', 'Sarah', 'Emily', 'Jessica', 'Ashley', 'Elizabeth'],
    family: [...ANGLO_FAMILY, 'Garcia', 'Martinez', 'Clark'],
    familyFirst: false,
  },
  GB: {
    male: ['Oliver', 'George', 'Harry', 'Jack', 'Thomas', 'Charles', 'Edward'],
    female: ['Olivia', 'Amelia', 'Charlotte', 'Sophie', 'Emma', 'Grace', 'Alice'],
    family: ['Smith', 'Jones', 'Taylor', 'Brown', 'Evans', 'Walker', 'Wright', 'Robinson', 'Hughes', 'Clarke'],
    familyFirst: false,
  },
  JP: {
    male: ['Haruto', 'Takumi', 'Hiroshi', 'Kenji', 'Daiki', 'Sho', 'Ren'],
    female: ['Yuki', 'Yui', 'Aoi', 'Sakura', 'Haruka', 'Misaki', 'Mei'],
    family: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato'],
    familyFirst: true,
  },
  KR: {
    male: ['Min-jun', 'Seo-jun', 'Ji-ho', 'Hyun-woo', 'Joon-young', 'Do-yun'],
    female: ['Seo-yeon', 'Ji-woo', 'Min-seo', 'Ha-eun', 'Soo-jin', 'Ye-jin'],
    family: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon'],
    familyFirst: true,
  },
  SG: {
    male: ['Wei Ming', 'Jun Jie', 'Kai Wen', 'Zhi Hao', 'Jia Hui', 'Rajesh', 'Hafiz'],
    female: ['Hui Min', 'Xin Yi', 'Li Ting', 'Mei Ling', 'Shu Fen', 'Priya', 'Nur Aisyah'],
    family: ['Tan', 'Lim', 'Lee', 'Ng', 'Ong', 'Wong', 'Goh', 'Chua'],
    familyFirst: true,
  },
  DE: {
    male: ['Lukas', 'Felix', 'Maximilian', 'Jonas', 'Stefan', 'Tobias', 'Andreas'],
    female: ['Anna', 'Laura', 'Julia', 'Katharina', 'Lena', 'Sophie', 'Sabine'],
    family: ['Mueller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann'],
    familyFirst: false,
  },
  FR: {
    male: ['Louis', 'Gabriel', 'Hugo', 'Antoine', 'Nicolas', 'Pierre', 'Julien'],
    female: ['Camille', 'Chloe', 'Manon', 'Julie', 'Claire', 'Sophie', 'Amelie'],
    family: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau'],
    familyFirst: false,
  },
  AU: {
    male: ['Jack', 'Oliver', 'Lachlan', 'Cooper', 'Hamish', 'Liam'],
    female: ['Charlotte', 'Mia', 'Isla', 'Ruby', 'Matilda', 'Zoe'],
    family: ['Smith', 'Nguyen', 'Kelly', "O'Brien", 'Murphy', 'Mitchell', 'Campbell', 'White'],
    familyFirst: false,
  },
  CA: {
    male: ['Liam', 'Noah', 'Ethan', 'Lucas', 'Benjamin', 'Mathieu'],
    female: ['Emma', 'Chloe', 'Ava', 'Olivia', 'Gabrielle', 'Nathalie'],
    family: ['Tremblay', 'Roy', 'MacDonald', 'Martin', 'Gagnon', 'Campbell', 'Wilson', 'Singh'],
    familyFirst: false,
  },
};

/** How often each nationality appears among foreign customers of a Chinese retail bank. */
export const FOREIGN_NATIONALITY_WEIGHTS: readonly Weighted<ForeignNationality>[] = [
  ['US', 20],
  ['JP', 15],
  ['KR', 15],
  ['SG', 12],
  ['GB', 10],
  ['DE', 8],
  ['FR', 7],
  ['AU', 7],
  ['CA', 6],
];

/** A generated foreign person. */
export interface ForeignName {
  name: string;
  nationality: ForeignNationality;
  gender: Gender;
}

/**
 * A romanised foreign name in its customary order
 * ("John Smith", "Tanaka Yuki", "Kim Min-jun").
 */
export function foreignName(rng: Random, gender?: Gender): ForeignName {
  const nationality = rng.weighted(FOREIGN_NATIONALITY_WEIGHTS);
  const g: Gender = gender ?? (rng.chance(0.5) ? 'MALE' : 'FEMALE');
  const pool = FOREIGN_NAME_POOLS[nationality];
  const given = rng.pick(g === 'MALE' ? pool.male : pool.female);
  const family = rng.pick(pool.family);
  return { name: pool.familyFirst ? `${family} ${given}` : `${given} ${family}`, nationality, gender: g };
}

const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const DIGITS = '0123456789';

/**
 * A passport-like document number in roughly the shape the issuing country
 * uses; not a real number and carries no check digits.
 */
export function passportNumber(rng: Random, nationality: ForeignNationality): string {
  const s = (alphabet: string, n: number) => {
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[rng.int(0, alphabet.length - 1)];
    return out;
  };
  switch (nationality) {
    case 'US':
    case 'GB':
      return s('123456789', 1) + s(DIGITS, 8);
    case 'JP':
      return rng.pick(['TK', 'TR', 'TZ', 'MZ']) + s(DIGITS, 7);
    case 'KR':
      return 'M' + s(DIGITS, 8);
    case 'SG':
      return rng.pick(['E', 'K']) + s(DIGITS, 7) + s(LETTERS, 1);
    case 'DE':
      return 'C' + s('CFGHJKLMNPRTVWXYZ0123456789', 8);
    case 'FR':
      return s(DIGITS, 2) + s(LETTERS, 2) + s(DIGITS, 5);
    case 'AU':
      return 'P' + s(LETTERS, 1) + s(DIGITS, 7);
    case 'CA':
      return s(LETTERS, 2) + s(DIGITS, 6);
  }
}
