import * as React from 'react';
import {
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  createTableColumn,
  makeStyles,
  type TableColumnDefinition,
} from '@fluentui/react-components';
import type { OverviewCell, OverviewTable } from '../../core/consolidate/filter';
import { overviewHeader, type OverviewKey } from '../../core/consolidate/layout';
import type { ViewProps } from './common';
import { formatKr } from '../i18n';

/** The columns of "Samlet status" the pane shows, by layout key (the workbook has them all). */
export const GRID_COLUMNS: readonly OverviewKey[] = ['administration', 'kind', 'name', 'goals', 'budgetPeriod', 'economyTotal', 'currentColour', 'redInYear', 'escalation'];

const useStyles = makeStyles({
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  grid: { minWidth: '1100px' },
  cell: { overflowWrap: 'anywhere', paddingRight: '8px' },
});

type Row = { key: number; cells: OverviewCell[] };

export interface OverviewGridProps extends ViewProps {
  table: OverviewTable;
  rows: OverviewCell[][];
}

export function OverviewGrid({ table, rows, t, lang }: OverviewGridProps): React.JSX.Element {
  const styles = useStyles();
  const columns = React.useMemo<TableColumnDefinition<Row>[]>(
    () =>
      GRID_COLUMNS.map((key) => {
        const i = table.keys.indexOf(key);
        return createTableColumn<Row>({
          columnId: key,
          renderHeaderCell: () => overviewHeader(key, lang),
          renderCell: (row) => {
            const v = i < 0 ? null : row.cells[i];
            if (v === null) return '';
            return typeof v === 'number' ? formatKr(v, lang) : String(v);
          },
        });
      }),
    [table.keys, lang],
  );
  const items = rows.map((cells, key) => ({ key, cells }));
  return (
    <div className={styles.scroll} role="region" aria-label={t.gridLabel} tabIndex={0}>
      <DataGrid items={items} columns={columns} getRowId={(r: Row) => r.key} className={styles.grid} aria-label={t.gridLabel} data-testid="overview-grid">
        <DataGridHeader>
          <DataGridRow>{({ renderHeaderCell }) => <DataGridHeaderCell className={styles.cell}>{renderHeaderCell()}</DataGridHeaderCell>}</DataGridRow>
        </DataGridHeader>
        <DataGridBody<Row>>
          {({ item, rowId }) => (
            <DataGridRow<Row> key={rowId} data-testid="overview-row">
              {({ renderCell }) => <DataGridCell className={styles.cell}>{renderCell(item)}</DataGridCell>}
            </DataGridRow>
          )}
        </DataGridBody>
      </DataGrid>
    </div>
  );
}
