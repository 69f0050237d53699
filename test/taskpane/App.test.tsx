/** @jest-environment jsdom */
import * as React from 'react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/taskpane/components/App';
import { languageFor } from '../../src/taskpane/i18n';
import { fakeActions, renderPane } from './double';

describe('App', () => {
  test('Danish by default; English for an English Office', () => {
    expect(languageFor('da-DK')).toBe('da');
    expect(languageFor(undefined)).toBe('da');
    expect(languageFor('en-US')).toBe('en');
    expect(languageFor('en-GB')).toBe('en');
  });

  test('in a browser: says which features need Excel; tabs switch views with the keyboard', async () => {
    renderPane(<App actions={fakeActions('browser')} lang="da" onLangChange={jest.fn()} />);
    expect(screen.getByTestId('browser-notice').textContent).toMatch(/kræver Excel/);
    const user = userEvent.setup();
    const fill = screen.getByRole('tab', { name: 'Udfyld' });
    expect(fill.getAttribute('aria-selected')).toBe('true');
    // One tab in the Tab order; arrow keys, Home and End move between tabs and select them.
    expect(screen.getAllByRole('tab').map((tab) => tab.tabIndex)).toEqual([0, -1, -1]);
    fill.focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Konsolider' }));
    expect(screen.getByRole('tab', { name: 'Konsolider' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: 'Konsolider' })).toBeTruthy();
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Filtrér' }).getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(fill);
    expect(fill.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Filtrér' }).getAttribute('aria-selected')).toBe('true');
    await user.click(screen.getByRole('tab', { name: 'Konsolider' }));
    expect(screen.getByRole('tabpanel', { name: 'Konsolider' })).toBeTruthy();
    expect(screen.getAllByRole('tab').map((tab) => tab.tabIndex)).toEqual([-1, 0, -1]);
  });

  test('the language switch calls back; English texts are shown', async () => {
    const onLangChange = jest.fn();
    const { rerender } = renderPane(<App actions={fakeActions('excel')} lang="da" onLangChange={onLangChange} />);
    expect(screen.queryByTestId('browser-notice')).toBeNull();
    await userEvent.setup().selectOptions(screen.getByLabelText('Sprog'), 'en');
    expect(onLangChange).toHaveBeenCalledWith('en');
    rerender(<App actions={fakeActions('excel')} lang="en" onLangChange={onLangChange} />);
    expect(screen.getByRole('tab', { name: 'Consolidate' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });
});
