import { useState } from 'preact/hooks';
import { html } from './html.js';
import { api } from './api.js';
import { Logo } from './logo.js';

export function Login({ onLogin }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event) {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    setError('');
    try {
      await api('login', { username: form.username.value, password: form.password.value });
      onLogin();
    } catch (e) {
      setError(e.message);
      setBusy(false);
    }
  }

  return html`
    <main class="login">
      <form class="login-card" onSubmit=${submit} aria-labelledby="login-title">
        <div class="login-brand"><${Logo} /><span>Ferret</span></div>
        <h1 id="login-title">Sign in to Ferret</h1>
        <p class="muted">Incident Review, search and detections of this <code>ferret serve</code>.</p>
        <label for="username">Username</label>
        <input id="username" name="username" autocomplete="username" required autofocus />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        ${error && html`<p class="error" role="alert">${error}</p>`}
        <button type="submit" class="primary" disabled=${busy}>${busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </main>`;
}
