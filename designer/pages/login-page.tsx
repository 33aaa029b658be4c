/** @module Sign-in with username and password; on success the page the user asked for renders in place. */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { useSession } from '../api/session-context';
import { useT } from '../i18n/locale-context';
import { LocaleSwitch } from '../shell/locale-switch';

export function LoginPage() {
  const t = useT();
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username, password);
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.status === 401
          ? t('login.failed')
          : t('common.error', { message: String((caught as Error).message) }),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login">
      <form className="card login-card" onSubmit={(e) => void submit(e)}>
        <div className="row space-between">
          <h1>{t('login.title')}</h1>
          <LocaleSwitch />
        </div>
        <label>
          {t('login.username')}
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </label>
        <label>
          {t('login.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
    </div>
  );
}
