import { useEffect, useState } from 'preact/hooks';
import { html } from './html.js';
import { api, query } from './api.js';
import { time, relative, Urgency, Status, TimePicker } from './format.js';

const FILTER_KEY = 'ferret.incident-review.filters';
const DEFAULT_FILTERS = { urgency: [], status: '', owner: '', detection: '', text: '', earliest: '0' };

function savedFilters() {
  try {
    return { ...DEFAULT_FILTERS, ...JSON.parse(sessionStorage.getItem(FILTER_KEY) || '{}') };
  } catch {
    return DEFAULT_FILTERS;
  }
}

export function IncidentReview({ session }) {
  const [filters, setFilters] = useState(savedFilters);
  const [text, setText] = useState(filters.text);
  const [listing, setListing] = useState(null);
  const [error, setError] = useState('');
  const [detections, setDetections] = useState([]);

  useEffect(() => {
    sessionStorage.setItem(FILTER_KEY, JSON.stringify(filters));
    setError('');
    api('notables?' + query(filters)).then(result => {
      setListing(result);
      setDetections(known => [...new Set([...known, ...result.rows.map(r => r.searchName)])].sort());
    }, e => setError(e.message));
  }, [filters]);

  const set = (name, value) => setFilters(f => ({ ...f, [name]: value }));
  const toggleUrgency = u => set('urgency', filters.urgency.includes(u) ? filters.urgency.filter(x => x !== u) : [...filters.urgency, u]);
  const total = listing ? Object.values(listing.urgencyCounts).reduce((a, b) => a + b, 0) : 0;

  return html`
    <div class="page">
      <div class="page-head">
        <h1>Incident Review</h1>
        <p class="muted">${listing ? `${listing.matched} notable${listing.matched === 1 ? '' : 's'} · ${total} before the urgency filter` : ' '}</p>
      </div>

      <section class="urgency-tiles" aria-label="Notables by urgency (choose to filter)">
        ${session.urgencies.map(u => html`
          <button type="button" class=${'tile u-' + u} aria-pressed=${filters.urgency.includes(u)} onClick=${() => toggleUrgency(u)}>
            <span class="count">${listing ? listing.urgencyCounts[u] : '–'}</span>
            <span class="label">${u}</span>
          </button>`)}
      </section>

      <form class="filters" role="search" aria-label="Filter notables" onSubmit=${e => { e.preventDefault(); set('text', text); }}>
        <div class="field grow">
          <label for="f-text">Search</label>
          <input id="f-text" type="search" placeholder="Title, host, user, any field…" value=${text} onInput=${e => setText(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="f-status">Status</label>
          <select id="f-status" value=${filters.status} onChange=${e => set('status', e.currentTarget.value)}>
            <option value="">All</option>
            ${session.statuses.map(s => html`<option value=${s.code}>${s.label}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="f-owner">Owner</label>
          <select id="f-owner" value=${filters.owner} onChange=${e => set('owner', e.currentTarget.value)}>
            <option value="">All</option>
            ${session.owners.map(o => html`<option value=${o}>${o}</option>`)}
          </select>
        </div>
        <div class="field wide">
          <label for="f-detection">Detection</label>
          <select id="f-detection" value=${filters.detection} onChange=${e => set('detection', e.currentTarget.value)}>
            <option value="">All</option>
            ${detections.map(d => html`<option value=${d}>${d.replace(/^ESCU - | - Rule$/g, '')}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="f-time">Time range</label>
          <${TimePicker} id="f-time" value=${filters.earliest} onChange=${v => set('earliest', v)} />
        </div>
        <div class="field actions">
          <button type="submit" class="primary">Apply</button>
          <button type="button" class="ghost" onClick=${() => { setText(''); setFilters(DEFAULT_FILTERS); }}>Reset</button>
        </div>
      </form>

      ${error && html`<p class="error" role="alert">${error}</p>`}
      ${listing && html`<${NotableTable} rows=${listing.rows} now=${session.now} />`}
      ${listing && listing.matched > listing.rows.length && html`<p class="muted">Showing the newest ${listing.rows.length} of ${listing.matched}; narrow the filters to see the rest.</p>`}
    </div>`;
}

function NotableTable({ rows, now }) {
  if (rows.length === 0) return html`<div class="empty"><strong>No notables match.</strong><p class="muted">Widen the time range or clear a filter.</p></div>`;
  return html`
    <div class="table-wrap">
      <table class="notables cards">
        <caption class="sr-only">Notables, newest first</caption>
        <thead><tr><th scope="col">Time</th><th scope="col">Urgency</th><th scope="col">Title</th><th scope="col">Risk object</th><th scope="col">Owner</th><th scope="col">Status</th></tr></thead>
        <tbody>
          ${rows.map(r => html`
            <tr key=${r.eventId}>
              <td data-label="Time"><span title=${relative(r.time, now)}>${time(r.time)}</span></td>
              <td data-label="Urgency"><${Urgency} value=${r.urgency} /></td>
              <td data-label="Title" class="title"><div><a href=${'#/notable/' + encodeURIComponent(r.eventId)}>${r.title}</a><span class="domain">${r.securityDomain}</span></div></td>
              <td data-label="Risk object">${r.riskObject ? html`<div><span class="object">${r.riskObject}</span><span class="type">${r.riskObjectType}</span></div>` : html`<span class="muted">—</span>`}</td>
              <td data-label="Owner">${r.owner}</td>
              <td data-label="Status"><div><${Status} label=${r.statusLabel} /></div></td>
            </tr>`)}
        </tbody>
      </table>
    </div>`;
}
