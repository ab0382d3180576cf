// One failing panel shows its own message; the rest of the page keeps working. "Try again" renders the panel
// afresh, and so does a change of `resetKey` (the app passes the language and the filters): the failure may have
// belonged to the state it was drawn for.
import { Component, type ReactNode } from 'react';
import type { Lang } from '../domain/schema';
import { t } from '../i18n/messages';

interface Props {
  lang: Lang;
  fallback: (error: Error) => ReactNode;
  /** When this changes (compared with Object.is), a failed panel is rendered again. */
  resetKey?: unknown;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error) {
    console.error(error);
  }

  override componentDidUpdate(previous: Props) {
    if (this.state.error && !Object.is(previous.resetKey, this.props.resetKey)) this.reset();
  }

  private readonly reset = () => this.setState({ error: null });

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="panel-failed" data-testid="panel-failed">
        {this.props.fallback(this.state.error)}
        <button type="button" className="link-button" onClick={this.reset} data-testid="panel-retry">
          {t(this.props.lang, 'tryAgain')}
        </button>
      </div>
    );
  }
}
