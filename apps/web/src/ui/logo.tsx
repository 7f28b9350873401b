/** The Shuliu mark: a stream turning through two nodes, drawn inline (no image request). */
export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="10" fill="#ffffff" fillOpacity="0.12" />
      <path
        d="M14 22h22a8 8 0 0 1 0 16H26a8 8 0 0 0 0 16h24"
        fill="none"
        stroke="#ffffff"
        strokeWidth="6"
        strokeLinecap="round"
      />
      <circle cx="46" cy="22" r="5" fill="#f5c242" />
    </svg>
  );
}
