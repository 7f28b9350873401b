/**
 * Splitting a mainland Chinese address into its administrative levels (province, city, district),
 * so that masking can generalize an address to a level and drop the street and house number.
 * A heuristic on the text, not a gazetteer: when in doubt it recognizes less, so that a masked
 * address reveals less rather than more.
 */

/** The administrative parts recognized at the start of an address; the rest is street and house. */
export interface AddressParts {
  /** `广东省`, `广西壮族自治区`, `北京市` (a municipality is a province-level unit). */
  province: string | null;
  /** `深圳市`, `延边朝鲜族自治州`, `阿克苏地区`. */
  city: string | null;
  /** `南山区`, `昌平县`, `义乌市`, `额济纳旗`. */
  district: string | null;
  /** Everything after the last recognized part. */
  rest: string;
}

/** Administrative levels an address can be generalized to, coarsest first. */
export const ADDRESS_LEVELS = ['province', 'city', 'district'] as const;
export type AddressLevel = (typeof ADDRESS_LEVELS)[number];

// A place name: Han characters that are not level markers, digits or street words. Excluding street
// words keeps `中山路12号院3区` from being read as a district.
const NAME = '[^省市区县州盟旗路街巷弄号栋楼室村\\d\\sA-Za-z]';
const PROVINCE_RE = new RegExp(
  `^(?:(?:北京|上海|天津|重庆)市?|(?:香港|澳门)(?:特别行政区)?|${NAME}{2,3}省|${NAME}{2,8}?自治区)`,
);
const CITY_RE = new RegExp(`^(?:${NAME}{1,10}?(?:自治州|地区|市|盟))`);
const DISTRICT_RE = new RegExp(`^(?:${NAME}{1,14}?(?:区|县|市|旗))`);
const MUNICIPALITY_CITY_RE = /^(?:市辖区|县)/;

/**
 * Splits the administrative prefix off an address.
 * @example splitAddress('广东省深圳市南山区科技园路1号') // { province: '广东省', city: '深圳市', district: '南山区', rest: '科技园路1号' }
 */
export function splitAddress(address: string): AddressParts {
  let rest = address.trim();
  const take = (re: RegExp): string | null => {
    const match = re.exec(rest);
    if (match === null) return null;
    rest = rest.slice(match[0].length);
    return match[0];
  };
  const province = take(PROVINCE_RE);
  // Municipalities (北京市朝阳区) have no city level; old forms write `北京市市辖区朝阳区`.
  const isMunicipality = province !== null && /^(?:北京|上海|天津|重庆)/.test(province);
  if (isMunicipality) take(MUNICIPALITY_CITY_RE);
  const city = isMunicipality ? null : take(CITY_RE);
  const district = take(DISTRICT_RE);
  return { province, city, district, rest };
}

/**
 * The address cut after the given level (or after the deepest level above it that was recognized),
 * or null when no administrative part is recognized at all.
 * @example cutAddressAt('北京市朝阳区建国路88号', 'district') // '北京市朝阳区'
 */
export function cutAddressAt(address: string, level: AddressLevel): string | null {
  const parts = splitAddress(address);
  const kept: (string | null)[] = [parts.province];
  if (level === 'city' || level === 'district') kept.push(parts.city);
  if (level === 'district') kept.push(parts.district);
  const text = kept.filter((part): part is string => part !== null).join('');
  return text === '' ? null : text;
}
