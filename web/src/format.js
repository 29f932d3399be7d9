import { html } from './html.js';

const pad = n => String(n).padStart(2, '0');

// Times are shown in UTC, as the server stores and searches them.
export function time(epoch) {
  if (epoch === null || epoch === undefined) return '—';
  const d = new Date(epoch * 1000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export function relative(epoch, now = Date.now() / 1000) {
  if (epoch === null || epoch === undefined) return '';
  const seconds = Math.round(epoch - now);
  const abs = Math.abs(seconds);
  const [value, unit] = abs < 90 ? [abs, 's'] : abs < 5400 ? [Math.round(abs / 60), 'min'] : abs < 129600 ? [Math.round(abs / 3600), 'h'] : [Math.round(abs / 86400), 'd'];
  return seconds >= 0 ? `in ${value} ${unit}` : `${value} ${unit} ago`;
}

export const Urgency = ({ value }) => html`<span class=${'urgency u-' + value}><span class="dot" aria-hidden="true"></span>${value}</span>`;

export const Status = ({ label }) => html`<span class=${'status s-' + label.toLowerCase().replace(/\s+/g, '-')}>${label}</span>`;

export const TIME_RANGES = [
  ['-15m', 'Last 15 minutes'],
  ['-60m', 'Last 60 minutes'],
  ['-4h', 'Last 4 hours'],
  ['-24h', 'Last 24 hours'],
  ['-7d', 'Last 7 days'],
  ['-30d', 'Last 30 days'],
  ['0', 'All time'],
];

export const TimePicker = ({ id, value, onChange }) => html`
  <select id=${id} value=${value} onChange=${e => onChange(e.currentTarget.value)}>
    ${TIME_RANGES.map(([v, label]) => html`<option value=${v}>${label}</option>`)}
  </select>`;
