import { useEffect, useState } from 'preact/hooks';
import { html } from './html.js';
import { api } from './api.js';
import { time, TIME_RANGES } from './format.js';

export function SearchPage({ params }) {
  const [spl, setSpl] = useState(params.get('q') || 'index=notable | stats count by search_name, urgency');
  const [earliest, setEarliest] = useState(params.get('earliest') || '-24h');
  const [latest, setLatest] = useState(params.get('latest') || '');
  const [view, setView] = useState('table');
  const [result, setResult] = useState(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function run(text = spl, from = earliest, to = latest) {
    setBusy(true);
    setError('');
    try {
      const answer = await api('search', { search: text, earliest: from, latest: to || 'now' });
      setResult(answer);
      setView(answer.fields.includes('_raw') ? 'events' : 'table');
    } catch (e) {
      setError(e.message);
      setResult(null);
    }
    setBusy(false);
  }

  useEffect(() => {
    if (params.get('q')) {
      setSpl(params.get('q'));
      setEarliest(params.get('earliest') || '-24h');
      setLatest(params.get('latest') || '');
      run(params.get('q'), params.get('earliest') || '-24h', params.get('latest') || '');
    }
  }, [params.toString()]);

  const custom = !TIME_RANGES.some(([v]) => v === earliest);
  return html`
    <div class="page">
      <div class="page-head"><h1>Search</h1></div>
      <form class="searchbar" role="search" onSubmit=${e => { e.preventDefault(); run(); }}>
        <label for="spl" class="sr-only">Search (SPL)</label>
        <textarea id="spl" class="spl-input" rows="3" spellcheck="false" value=${spl} onInput=${e => setSpl(e.currentTarget.value)}
          onKeyDown=${e => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); run(); } }}></textarea>
        <div class="searchbar-actions">
          <label for="s-time" class="sr-only">Time range</label>
          <select id="s-time" value=${custom ? 'custom' : earliest} onChange=${e => { setEarliest(e.currentTarget.value); setLatest(''); }}>
            ${custom && html`<option value="custom">${time(Number(earliest))} → ${latest ? time(Number(latest)) : 'now'}</option>`}
            ${TIME_RANGES.map(([v, label]) => html`<option value=${v}>${label}</option>`)}
          </select>
          <button type="submit" class="primary" disabled=${busy}>${busy ? 'Searching…' : 'Search'}</button>
        </div>
      </form>
      <p class="hint muted">Enter runs the search, Shift+Enter adds a line. Times are UTC.</p>
      ${error && html`<p class="error" role="alert">${error}</p>`}
      ${result && html`<${Results} result=${result} view=${view} setView=${setView} />`}
    </div>`;
}

function Results({ result, view, setView }) {
  const hasEvents = result.fields.includes('_raw');
  const tabs = [['events', `Events`], ['table', 'Table']];
  return html`
    <section aria-label="Results">
      <div class="results-head">
        <p role="status"><strong>${result.count}</strong> result${result.count === 1 ? '' : 's'}</p>
        <div role="tablist" aria-label="Results view" class="tabs">
          ${tabs.map(([name, label]) => html`
            <button type="button" role="tab" id=${'tab-' + name} aria-selected=${view === name} aria-controls="results-panel"
              disabled=${name === 'events' && !hasEvents} onClick=${() => setView(name)}>${label}</button>`)}
        </div>
      </div>
      ${result.messages.map(m => html`<p class="notice">${m}</p>`)}
      <div id="results-panel" role="tabpanel" aria-labelledby=${'tab-' + view}>
        ${view === 'events' && hasEvents ? html`<${EventsView} rows=${result.rows} />` : html`<${TableView} fields=${result.fields} rows=${result.rows} />`}
      </div>
    </section>`;
}

function EventsView({ rows }) {
  return html`
    <ol class="events">
      ${rows.map(r => html`<li>
        <div class="event-time">${r._time || ''}</div>
        <div class="event-body">
          <pre tabindex="0">${r._raw}</pre>
          <div class="event-meta">${['host', 'source', 'sourcetype', 'index'].filter(f => r[f]).map(f => html`<span><b>${f}</b>=${r[f]}</span>`)}</div>
        </div>
      </li>`)}
    </ol>`;
}

function TableView({ fields, rows }) {
  const shown = fields.filter(f => f !== '_raw' || fields.length === 1).slice(0, 40);
  if (rows.length === 0) return html`<div class="empty"><strong>No results.</strong></div>`;
  return html`
    <div class="table-wrap scroll-x" tabindex="0" aria-label="Results table">
      <table class="results">
        <thead><tr>${shown.map(f => html`<th scope="col">${f}</th>`)}</tr></thead>
        <tbody>${rows.map(r => html`<tr>${shown.map(f => html`<td>${r[f] ?? ''}</td>`)}</tr>`)}</tbody>
      </table>
    </div>`;
}
