// Owns catching a render error inside one chart, so one broken widget never takes the page down.
import { Component, type ReactNode } from 'react';
import { Notice } from '../ui/Notice';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  render() {
    if (this.state.error) {
      return (
        <div data-state="error">
          <Notice kind="error" title="This chart failed to render">
            {this.state.error.message}
          </Notice>
        </div>
      );
    }
    return this.props.children;
  }
}
