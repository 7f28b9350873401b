/** Tests of splitting Chinese addresses into province, city and district. */
import { describe, expect, it } from 'vitest';
import { cutAddressAt, splitAddress } from './chinese-address.js';

describe('splitAddress', () => {
  it('splits province, city and district off the street', () => {
    expect(splitAddress('广东省深圳市南山区科技园路1号')).toEqual({
      province: '广东省',
      city: '深圳市',
      district: '南山区',
      rest: '科技园路1号',
    });
    expect(splitAddress('浙江省金华市义乌市稠城街道工人北路1号')).toMatchObject({
      province: '浙江省',
      city: '金华市',
      district: '义乌市',
    });
  });

  it('knows municipalities have no city level', () => {
    expect(splitAddress('北京市朝阳区建国路88号')).toEqual({
      province: '北京市',
      city: null,
      district: '朝阳区',
      rest: '建国路88号',
    });
    expect(splitAddress('上海市市辖区浦东新区世纪大道100号')).toMatchObject({
      province: '上海市',
      district: '浦东新区',
    });
  });

  it('reads autonomous regions, prefectures and banners', () => {
    expect(splitAddress('内蒙古自治区阿拉善盟额济纳旗达来呼布镇')).toMatchObject({
      province: '内蒙古自治区',
      city: '阿拉善盟',
      district: '额济纳旗',
    });
    expect(splitAddress('新疆维吾尔自治区乌鲁木齐市天山区解放南路1号')).toMatchObject({
      province: '新疆维吾尔自治区',
      city: '乌鲁木齐市',
      district: '天山区',
    });
    expect(splitAddress('吉林省延边朝鲜族自治州延吉市人民路1号')).toMatchObject({
      city: '延边朝鲜族自治州',
      district: '延吉市',
    });
  });

  it('does not take a street or a building block for a district', () => {
    expect(splitAddress('中山路12号院3区')).toEqual({
      province: null,
      city: null,
      district: null,
      rest: '中山路12号院3区',
    });
  });
});

describe('cutAddressAt', () => {
  it('cuts at the deepest recognized level no finer than asked', () => {
    expect(cutAddressAt('深圳市南山区科技园路1号', 'district')).toBe('深圳市南山区');
    expect(cutAddressAt('深圳市南山区科技园路1号', 'province')).toBeNull();
    expect(cutAddressAt('广东省深圳市科技园路1号', 'district')).toBe('广东省深圳市');
  });
});
