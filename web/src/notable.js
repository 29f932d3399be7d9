import { useEffect, useState } from 'preact/hooks';
import { html } from './html.js';
import { api, query } from './api.js';
import { time, Urgency, Status } from './format.js';

function searchLink(search, earliest, latest) {
  return '#/search?' + query({ q: search, earliest: earliest ?? '0', latest: latest ?? '' });
}

export function NotableDetail({ id, session }) {
  const [detail, setDetail] = useState(null);
  const [error, setError] = useState('');
  const load = () => api('notables/' + encodeURIComponent(id)).then(setDetail, e => setError(e.message));
  useEffect(load, [id]);

  if (error) return html`<div class="page"><p class="error" role="alert">${error}</p><a href="#/incident-review">Back to Incident Review</a></div>`;
  if (!detail) return html`<p class="loading" role="status">Loading notable…</p>`;
  const row = detail.row;

  return html`
    <div class="page notable-page">
      <nav class="crumbs" aria-label="Breadcrumb"><a href="#/incident-review">Incident Review</a> <span aria-hidden="true">›</span> <span>Notable</span></nav>
      <div class="notable-head">
        <div>
          <h1>${row.title}</h1>
          <p class="meta">
            <${Urgency} value=${row.urgency} /> <${Status} label=${row.statusLabel} />
            <span>Owner <strong>${row.owner}</strong></span>
            <span>${time(row.time)} UTC</span>
            <span>${row.securityDomain}</span>
          </p>
        </div>
      </div>

      <div class="columns">
        <div class="main-col">
          <section class="card" aria-labelledby="h-desc">
            <h2 id="h-desc">Description</h2>
            <p>${detail.description || html`<span class="muted">No description.</span>`}</p>
            <dl class="facts">
              <div><dt>Detection</dt><dd>${row.searchName}</dd></div>
              <div><dt>Severity</dt><dd>${detail.severity}</dd></div>
              <div><dt>Search window</dt><dd>${time(detail.windowEarliest)} → ${time(detail.windowLatest)}</dd></div>
            </dl>
          </section>

          <${RiskCard} row=${row} detail=${detail} />

          <section class="card" aria-labelledby="h-attack">
            <h2 id="h-attack">MITRE ATT&CK</h2>
            ${detail.tactics.length === 0 && detail.techniques.length === 0 ? html`<p class="muted">No ATT&CK annotations.</p>` : html`
              <div class="chips" aria-label="Tactics">${detail.tactics.map(t => html`<span class="chip tactic">${t}</span>`)}</div>
              <ul class="techniques">
                ${detail.techniques.map(t => html`<li><code>${t.id}</code> ${t.name || html`<span class="muted">unknown technique</span>`}</li>`)}
              </ul>`}
          </section>

          <section class="card" aria-labelledby="h-drill">
            <h2 id="h-drill">Drill down</h2>
            ${detail.drilldowns.length === 0 ? html`<p class="muted">The detection defines no drilldown search.</p>` : html`
              <ul class="drilldowns">
                ${detail.drilldowns.map(d => html`<li><a href=${searchLink(d.search, d.earliest, d.latest)}>${d.name}</a><code class="inline-spl">${d.search}</code></li>`)}
              </ul>`}
          </section>

          <section class="card" aria-labelledby="h-spl">
            <h2 id="h-spl">Search that produced it</h2>
            ${detail.spl ? html`<pre class="spl" tabindex="0">${detail.spl}</pre>
              <p><a href=${searchLink(detail.spl, detail.windowEarliest, detail.windowLatest)}>Run it over the notable's window</a></p>` : html`<p class="muted">Its detection is not in the loaded content.</p>`}
          </section>

          <details class="card fields">
            <summary><h2>All fields (${detail.fields.length})</h2></summary>
            <table class="kv"><tbody>
              ${detail.fields.map(f => html`<tr><th scope="row">${f.key}</th><td>${f.value.join('\n')}</td></tr>`)}
            </tbody></table>
          </details>
        </div>

        <aside class="side-col">
          <${Triage} row=${row} session=${session} history=${detail.history} onSaved=${load} />
        </aside>
      </div>
    </div>`;
}

function RiskCard({ row, detail }) {
  return html`
    <section class="card" aria-labelledby="h-risk">
      <h2 id="h-risk">Risk object</h2>
      ${row.riskObject ? html`
        <div class="risk-summary">
          <div><span class="label">${row.riskObjectType || 'object'}</span><span class="object big">${row.riskObject}</span></div>
          <div class="score"><span class="label">Total risk</span><span class="big">${Math.round(detail.totalRisk)}</span></div>
          <div class="score"><span class="label">Risk events</span><span class="big">${detail.risks.length}</span></div>
        </div>
        ${detail.risks.length > 0 && html`
          <h3>Contributing risk events</h3>
          <div class="table-wrap">
            <table class="cards">
              <thead><tr><th scope="col">Time</th><th scope="col">Score</th><th scope="col">Detection</th><th scope="col">Message</th><th scope="col">Threat objects</th></tr></thead>
              <tbody>
                ${detail.risks.map(r => html`<tr>
                  <td data-label="Time">${time(r.time)}</td>
                  <td data-label="Score"><span class="score-pill">${r.score}</span></td>
                  <td data-label="Detection">${r.searchName.replace(/^ESCU - | - Rule$/g, '')}</td>
                  <td data-label="Message">${r.message}</td>
                  <td data-label="Threat objects">${r.threatObjects.join(', ') || '—'}</td>
                </tr>`)}
              </tbody>
            </table>
          </div>`}` : html`<p class="muted">This notable names no risk object.</p>`}
    </section>`;
}

function Triage({ row, session, history, onSaved }) {
  const [status, setStatus] = useState(row.status);
  const [owner, setOwner] = useState(row.owner);
  const [urgency, setUrgency] = useState(row.urgency);
  const [comment, setComment] = useState('');
  const [message, setMessage] = useState(null);
  useEffect(() => { setStatus(row.status); setOwner(row.owner); setUrgency(row.urgency); }, [row]);

  async function save(event) {
    event.preventDefault();
    try {
      await api(`notables/${encodeURIComponent(row.eventId)}/review`, { status, owner, urgency, comment });
      setComment('');
      setMessage({ ok: true, text: 'Saved.' });
      onSaved();
    } catch (e) {
      setMessage({ ok: false, text: e.message });
    }
  }

  const disabled = !session.canTriage;
  return html`
    <section class="card triage" aria-labelledby="h-triage">
      <h2 id="h-triage">Triage</h2>
      <form onSubmit=${save}>
        <label for="t-status">Status</label>
        <select id="t-status" value=${status} disabled=${disabled} onChange=${e => setStatus(e.currentTarget.value)}>
          ${session.statuses.map(s => html`<option value=${s.code}>${s.label}</option>`)}
        </select>
        <label for="t-owner">Owner</label>
        <select id="t-owner" value=${owner} disabled=${disabled} onChange=${e => setOwner(e.currentTarget.value)}>
          ${session.owners.map(o => html`<option value=${o}>${o}</option>`)}
        </select>
        <label for="t-urgency">Urgency</label>
        <select id="t-urgency" value=${urgency} disabled=${disabled} onChange=${e => setUrgency(e.currentTarget.value)}>
          ${session.urgencies.map(u => html`<option value=${u}>${u}</option>`)}
        </select>
        <label for="t-comment">Comment</label>
        <textarea id="t-comment" rows="3" disabled=${disabled} value=${comment} onInput=${e => setComment(e.currentTarget.value)} placeholder="What you found, what you did"></textarea>
        <button type="submit" class="primary" disabled=${disabled}>Save</button>
        ${disabled && html`<p class="muted">Your role may read notables but not change them.</p>`}
        ${message && html`<p class=${message.ok ? 'ok' : 'error'} role="status">${message.text}</p>`}
      </form>
      <h3>History</h3>
      ${history.length === 0 ? html`<p class="muted">No changes yet.</p>` : html`
        <ol class="history">
          ${[...history].reverse().map(h => html`<li>
            <div><strong>${h.user}</strong> <span class="muted">${time(h.time)}</span></div>
            <div>${session.statuses.find(s => s.code === h.status)?.label ?? h.status} · ${h.owner} · ${h.urgency}</div>
            ${h.comment && html`<blockquote>${h.comment}</blockquote>`}
          </li>`)}
        </ol>`}
    </section>`;
}
