import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { html } from './html.js';
import { api, whenUnauthorized } from './api.js';
import { Login } from './login.js';
import { Logo } from './logo.js';
import { IncidentReview } from './incidents.js';
import { NotableDetail } from './notable.js';
import { SearchPage } from './search.js';
import { DetectionsPage } from './detections.js';

// Views are chosen by the URL's fragment (#/incident-review, #/notable/ID, #/search?q=..., #/detections), so a reload
// or a shared link opens the same view.
function parseRoute() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, search = ''] = hash.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { name: parts[0] || 'incident-review', arg: parts[1], params: new URLSearchParams(search) };
}

function useRoute() {
  const [route, setRoute] = useState(parseRoute);
  useEffect(() => {
    const changed = () => setRoute(parseRoute());
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return route;
}

const NAV = [
  ['incident-review', 'Incident Review'],
  ['search', 'Search'],
  ['detections', 'Detections'],
];

function Shell({ session, onLogout }) {
  const route = useRoute();
  useEffect(() => {
    const title = NAV.find(([name]) => name === route.name)?.[1] ?? 'Notable';
    document.title = `${title} · Ferret`;
  }, [route.name]);
  const section = route.name === 'notable' ? 'incident-review' : route.name;
  let view;
  if (route.name === 'notable') view = html`<${NotableDetail} id=${route.arg} session=${session} />`;
  else if (route.name === 'search') view = html`<${SearchPage} params=${route.params} />`;
  else if (route.name === 'detections') view = html`<${DetectionsPage} session=${session} />`;
  else view = html`<${IncidentReview} session=${session} />`;

  return html`
    <a class="skip" href="#main">Skip to content</a>
    <header class="topbar">
      <a class="brand" href="#/incident-review"><${Logo} /><span>Ferret</span><small>Security</small></a>
      <nav aria-label="Main">
        <ul>
          ${NAV.map(([name, label]) => html`
            <li><a href=${'#/' + name} aria-current=${section === name ? 'page' : undefined}>${label}</a></li>`)}
        </ul>
      </nav>
      <div class="user">
        <span class="who" title=${session.roles.join(', ')}>${session.user}</span>
        <button type="button" class="ghost" onClick=${onLogout}>Log out</button>
      </div>
    </header>
    <main id="main" tabindex="-1">${view}</main>`;
}

function App() {
  const [session, setSession] = useState(undefined);
  const load = () => api('session').then(setSession, () => setSession(null));
  useEffect(() => {
    whenUnauthorized(() => setSession(null));
    load();
  }, []);
  if (session === undefined) return html`<p class="loading" role="status">Loading…</p>`;
  if (session === null) return html`<${Login} onLogin=${load} />`;
  const logout = async () => {
    await api('logout', {});
    setSession(null);
  };
  return html`<${Shell} session=${session} onLogout=${logout} />`;
}

render(html`<${App} />`, document.getElementById('app'));
