/** Small line icons drawn in currentColor, so they follow the button's colour and need no font. */
const COMMON = {
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.6,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

export function PinIcon({ filled }: { filled: boolean }) {
  return (
    <svg {...COMMON} aria-hidden="true" focusable="false">
      <path d="M6 2h4l-.6 4 2.6 2.4V10H4V8.4L6.6 6z" fill={filled ? 'currentColor' : 'none'} />
      <path d="M8 10v4.5" />
    </svg>
  );
}

export function CloseIcon() {
  return (
    <svg {...COMMON} aria-hidden="true" focusable="false">
      <path d="M4 4l8 8M12 4l-8 8" />
    </svg>
  );
}
