import { html } from './html.js';

// A ferret's head in one path: the product's mark in the header and on the login card.
export const Logo = () => html`
  <svg class="logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
    <rect width="32" height="32" rx="7" fill="#f97316" />
    <path d="M7 19c0-6 4-10 9-10s9 4 9 10c0 2-2 4-4 4h-1l-2 2h-4l-2-2h-1c-2 0-4-2-4-4z" fill="#fff7ed" />
    <path d="M9 17c1.5-2 3.5-3 5-3v3c-1.5 0-3.5.5-5 0zm14 0c-1.5-2-3.5-3-5-3v3c1.5 0 3.5.5 5 0z" fill="#431407" />
    <circle cx="16" cy="20" r="1.6" fill="#431407" />
  </svg>`;
