/**
 * Task pane entry point. Renders immediately, then builds the pane's actions once Office.onReady tells whether
 * we are inside Excel: from the Office host (the only code that calls Excel.run) or, in a plain browser, from
 * files alone. Components only ever get the actions object.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Lang } from '../core/diagnostics';
import type { PaneActions } from './actions';
import { App } from './components/App';
import { languageFor } from './i18n';
import { detectHost, type HostKind } from './office-ready';
import { createWorkerFileActions, downloadBytes } from './workerClient';

const files = createWorkerFileActions();

/** Inside Excel the Office host and the core's reader and validator are loaded (a lazy chunk); a browser never needs them. */
async function buildActions(host: HostKind): Promise<PaneActions> {
  if (host === 'excel') {
    const { createOfficeExcelActions } = await import(/* webpackChunkName: "excel" */ './officeActions');
    return { host, excel: createOfficeExcelActions(files), files, download: downloadBytes };
  }
  return { host, files, download: downloadBytes };
}

function Root(): React.JSX.Element {
  const [actions, setActions] = React.useState<PaneActions | undefined>(undefined);
  const [lang, setLang] = React.useState<Lang>('da');
  React.useEffect(
    () =>
      detectHost((host) => {
        if (host === 'excel') setLang(languageFor(Office.context?.displayLanguage));
        buildActions(host).then(setActions, () => setActions({ host: 'browser', files, download: downloadBytes }));
      }),
    [],
  );
  return (
    <FluentProvider theme={webLightTheme}>
      <App actions={actions} lang={lang} onLangChange={setLang} />
    </FluentProvider>
  );
}

const container = document.getElementById('container');
if (container) {
  createRoot(container).render(<Root />);
}
