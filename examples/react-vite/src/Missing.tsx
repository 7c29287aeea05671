import { Component, type ReactNode } from "react";

/** What a section says instead of rendering, when variables it needs are not set. */
export function Missing({ variables }: { variables: string[] }) {
  return (
    <p className="missing" role="alert" data-testid="config-missing">
      Not configured: set {variables.join(", ")} when starting Vite (see the example's README).
    </p>
  );
}

/** Shows a section's error (a malformed endpoint, say) as a message in its place, instead of a blank page. */
export class SectionBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <p className="missing" role="alert" data-testid="section-error">
        This section could not render: {this.state.error.message}
      </p>
    );
  }
}
