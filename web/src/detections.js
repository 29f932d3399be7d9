import { useEffect, useState } from 'preact/hooks';
import { html } from './html.js';
import { api } from './api.js';
import { time, relative } from './format.js';

const PAGE = 100;

export function DetectionsPage({ session }) {
  const [list, setList] = useState(null);
  const [error, setError] = useState('');
  const [text, setText] = useState('');
  const [enabledOnly, setEnabledOnly] = useState(false);
  const [shown, setShown] = useState(PAGE);
  const load = () => api('detections').then(setList, e => setError(e.message));
  useEffect(load, []);

  async function toggle(d) {
    try {
      await api('detections/enabled', { name: d.name, enabled: !d.enabled });
      setList(all => all.map(x => x.name === d.name ? { ...x, enabled: !d.enabled } : x));
      load();
    } catch (e) {
      setError(e.message);
    }
  }

  const needle = text.toLowerCase();
  const matching = (list || [])
    .filter(d => (!enabledOnly || d.enabled) && (!needle || d.name.toLowerCase().includes(needle) || d.type.toLowerCase().includes(needle)))
    .sort((a, b) => (b.enabled - a.enabled) || a.detection.localeCompare(b.detection));
  const enabledCount = (list || []).filter(d => d.enabled).length;

  return html`
    <div class="page">
      <div class="page-head">
        <h1>Detections</h1>
        <p class="muted">${list ? `${list.length} saved searches · ${enabledCount} scheduled` : ' '}</p>
      </div>
      <form class="filters" role="search" aria-label="Filter detections" onSubmit=${e => e.preventDefault()}>
        <div class="field grow">
          <label for="d-text">Name or type</label>
          <input id="d-text" type="search" value=${text} placeholder="e.g. WMI, TTP" onInput=${e => { setText(e.currentTarget.value); setShown(PAGE); }} />
        </div>
        <div class="field checkbox">
          <input id="d-enabled" type="checkbox" checked=${enabledOnly} onChange=${e => setEnabledOnly(e.currentTarget.checked)} />
          <label for="d-enabled">Scheduled only</label>
        </div>
      </form>
      ${error && html`<p class="error" role="alert">${error}</p>`}
      ${list && html`
        <div class="table-wrap">
          <table class="detections cards">
            <caption class="sr-only">Detections and their schedule</caption>
            <thead><tr><th scope="col">Detection</th><th scope="col">Schedule</th><th scope="col">Last run</th><th scope="col">Results</th><th scope="col">Next run</th><th scope="col">Scheduled</th></tr></thead>
            <tbody>
              ${matching.slice(0, shown).map(d => html`<tr key=${d.name}>
                <td data-label="Detection" class="title"><div><span class="name">${d.detection}</span><span class="type-tag">${d.type}</span></div></td>
                <td data-label="Schedule"><div><code>${d.cron}</code><span class="window">${d.earliest} → ${d.latest}</span></div></td>
                <td data-label="Last run">${d.lastRun ? html`<span title=${time(d.lastRun)}>${relative(d.lastRun, session.now)}</span>` : html`<span class="muted">never</span>`}</td>
                <td data-label="Results">${d.lastResultCount ?? html`<span class="muted">—</span>`}</td>
                <td data-label="Next run">${d.nextRun ? html`<span title=${time(d.nextRun)}>${time(d.nextRun)}</span>` : html`<span class="muted">—</span>`}</td>
                <td data-label="Scheduled">
                  <button type="button" role="switch" class="switch" aria-checked=${d.enabled} aria-label=${`Schedule ${d.detection}`}
                    disabled=${!session.canManageDetections} onClick=${() => toggle(d)}><span aria-hidden="true"></span>${d.enabled ? 'On' : 'Off'}</button>
                </td>
              </tr>`)}
            </tbody>
          </table>
        </div>
        ${matching.length > shown && html`<p><button type="button" class="ghost" onClick=${() => setShown(s => s + PAGE)}>Show ${Math.min(PAGE, matching.length - shown)} more of ${matching.length - shown}</button></p>`}`}
    </div>`;
}
