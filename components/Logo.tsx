export function Logo() {
  return (
    <span className="logo">
      <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true">
        <rect width="20" height="20" rx="5" fill="#0f5c8c" />
        <path
          d="M4 13l3.5-7 3 5 2-3L16 13"
          stroke="#fff"
          strokeWidth="1.8"
          fill="none"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <span>Wireboost</span>
    </span>
  );
}
