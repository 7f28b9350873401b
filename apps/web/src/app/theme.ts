/**
 * The visual theme: the restrained deep blue of Chinese exchange and government consoles, square-ish
 * corners, system CJK fonts (nothing is fetched from a font CDN).
 */
import type { ThemeConfig } from 'antd';

/** The primary brand colour. */
export const BRAND_BLUE = '#1f4e9c';
/** The header's darker blue. */
export const HEADER_BLUE = '#123a78';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_BLUE,
    colorInfo: BRAND_BLUE,
    colorLink: BRAND_BLUE,
    colorSuccess: '#2e8540',
    colorWarning: '#d98c10',
    colorError: '#c8312b',
    colorBgLayout: '#f2f4f8',
    // antd derives tints from the seed colours; from a deep blue or green they come out grey, so
    // the light backgrounds and borders are given explicitly.
    colorPrimaryBg: '#e9eff9',
    colorPrimaryBgHover: '#d7e2f4',
    colorPrimaryBorder: '#a9bfe3',
    colorInfoBg: '#eef3fb',
    colorInfoBorder: '#b7c9e8',
    colorSuccessBg: '#edf7ef',
    colorSuccessBorder: '#a8d5b2',
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: {
      headerBg: HEADER_BLUE,
      headerHeight: 64,
      headerPadding: '0 24px',
      bodyBg: '#f2f4f8',
      footerBg: '#0e2c5c',
      footerPadding: '24px',
    },
    Menu: {
      horizontalItemSelectedColor: BRAND_BLUE,
      itemHoverColor: BRAND_BLUE,
    },
    Card: {
      headerFontSize: 15,
    },
    Table: {
      headerBg: '#f5f7fb',
    },
  },
};
