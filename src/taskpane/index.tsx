/**
 * Task pane entry point. Renders immediately, then updates once Office.onReady
 * tells whether we are inside Excel. Office.js (Excel.run) calls belong in
 * src/hosts/office, not here.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from './components/App';
import { detectHost, type HostKind } from './office-ready';

function Root(): React.JSX.Element {
  const [host, setHost] = React.useState<HostKind | undefined>(undefined);
  React.useEffect(() => detectHost(setHost), []);
  return (
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>
  );
}

const container = document.getElementById('container');
if (container) {
  createRoot(container).render(<Root />);
}
