import type { Column } from '../api/types.ts';
import { h } from '../dom.ts';
import { formatValue, toNumber } from '../format.ts';
import { locale, t } from '../i18n/i18n.ts';
import { downloadText, fileNameFor, toCsv } from './csv.ts';

type SortDir = 'asc' | 'desc';

/** Compares two cells: numbers numerically, text by the locale's collation, empty cells last. */
export function compareCells(a: unknown, b: unknown, type: Column['type']): number {
  const emptyA = a === null || a === undefined || a === '';
  const emptyB = b === null || b === undefined || b === '';
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  if (type === 'number') return (toNumber(a) ?? 0) - (toNumber(b) ?? 0);
  return String(a).localeCompare(String(b), locale(), { numeric: true });
}

export interface DataTableOptions {
  /** Title for the CSV file name and the caption. */
  title: string;
  /** Extra content per row in a last column (e.g. an action button). */
  rowExtra?: (row: Record<string, unknown>) => Node | null;
  /** Cell renderer overrides by column name. */
  renderCell?: Record<string, (value: unknown, row: Record<string, unknown>) => Node | string>;
  /** Server-side CSV export, replacing the client-side one. */
  exportCsv?: () => void;
  maxRows?: number;
  /** A click (or Enter) on a row runs this (drill-down). */
  rowAction?: {
    label: (row: Record<string, unknown>) => string;
    run: (row: Record<string, unknown>) => void;
  };
}

/**
 * A sortable table (click or Enter on a header) with CSV export; numbers formatted by column format.
 * @example dataTable(answer.table.columns, answer.table.rows, { title: question })
 */
export function dataTable(
  columns: Column[],
  rows: Record<string, unknown>[],
  options: DataTableOptions,
): HTMLElement {
  let sort: { name: string; dir: SortDir } | null = null;
  const maxRows = options.maxRows ?? 500;
  const tbody = h('tbody');
  const headers = new Map<string, HTMLTableCellElement>();

  function renderBody(): void {
    const sorted = [...rows];
    if (sort) {
      const column = columns.find((c) => c.name === sort?.name);
      const sign = sort.dir === 'asc' ? 1 : -1;
      sorted.sort((a, b) => sign * compareCells(a[sort!.name], b[sort!.name], column?.type ?? 'string'));
    }
    tbody.replaceChildren(
      ...sorted.slice(0, maxRows).map((row) =>
        h(
          'tr',
          options.rowAction
            ? {
                tabindex: 0,
                title: options.rowAction.label(row),
                onclick: () => options.rowAction?.run(row),
                onkeydown: (e: KeyboardEvent) => {
                  if (e.key === 'Enter') options.rowAction?.run(row);
                },
              }
            : null,
          columns.map((c) => {
            const custom = options.renderCell?.[c.name];
            const content = custom ? custom(row[c.name], row) : formatValue(row[c.name], c.format);
            return h('td', { class: c.type === 'number' ? 'num' : null, 'data-label': c.label }, content);
          }),
          options.rowExtra && h('td', { class: 'row-extra' }, options.rowExtra(row)),
        ),
      ),
    );
    for (const [name, th] of headers) {
      th.setAttribute(
        'aria-sort',
        sort?.name === name ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none',
      );
    }
  }

  function toggle(name: string): void {
    const column = columns.find((c) => c.name === name);
    const first: SortDir = column?.type === 'number' ? 'desc' : 'asc';
    sort = sort?.name === name ? { name, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { name, dir: first };
    renderBody();
  }

  const headRow = h(
    'tr',
    null,
    columns.map((c) => {
      const th = h(
        'th',
        { scope: 'col', class: c.type === 'number' ? 'num' : null },
        h(
          'button',
          {
            type: 'button',
            class: 'sort-button',
            onclick: () => toggle(c.name),
            title: t('table.sortBy', { column: c.label }),
          },
          c.label,
          h('span', { class: 'sort-indicator', 'aria-hidden': 'true' }),
        ),
      );
      headers.set(c.name, th);
      return th;
    }),
    options.rowExtra &&
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('table.actions'))),
  );
  renderBody();

  const exportCsv =
    options.exportCsv ?? (() => downloadText(fileNameFor(options.title), toCsv(columns, rows)));
  return h(
    'div',
    { class: 'data-table', 'data-drillable': options.rowAction ? 'true' : null },
    h(
      'div',
      { class: 'data-table-bar' },
      h('span', { class: 'muted' }, t('table.rowCount', { count: rows.length })),
      rows.length > maxRows && h('span', { class: 'muted' }, t('table.truncated', { shown: maxRows })),
      h('button', { type: 'button', class: 'btn btn-small', onclick: exportCsv }, t('table.exportCsv')),
    ),
    h(
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': options.title },
      h(
        'table',
        null,
        h('caption', { class: 'visually-hidden' }, options.title),
        h('thead', null, headRow),
        tbody,
      ),
    ),
  );
}
