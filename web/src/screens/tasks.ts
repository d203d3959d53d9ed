import { api } from '../api/client.ts';
import { dataTable } from '../components/data-table.ts';
import { emptyState, loadInto } from '../components/states.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/i18n.ts';

interface TaskView {
  id: string;
  customerId: string;
  title: string;
  dueDate: string;
  overdue: boolean;
}

/** "我的待办": the user's open tasks by due date, overdue ones marked, each closable. */
export function tasksScreen(outlet: HTMLElement): void {
  const body = h('div', { class: 'tasks-body' });
  const load = () =>
    loadInto(
      body,
      async () => api<{ overdue: number; tasks: TaskView[] }>('GET', '/api/tasks'),
      ({ overdue, tasks }) => {
        if (tasks.length === 0) return emptyState(t('tasks.none'));
        return h(
          'div',
          null,
          overdue > 0
            ? h('p', { class: 'badge overdue', role: 'status' }, t('tasks.overdueCount', { count: overdue }))
            : null,
          dataTable(
            [
              { name: 'customerId', label: t('tasks.customer'), type: 'string' },
              { name: 'title', label: t('tasks.task'), type: 'string' },
              { name: 'dueDate', label: t('tasks.due'), type: 'string' },
            ],
            tasks as unknown as Record<string, unknown>[],
            {
              title: t('tasks.title'),
              renderCell: {
                customerId: (v) => h('a', { href: `#/customer/${String(v)}` }, String(v)),
                dueDate: (v, row) =>
                  h(
                    'span',
                    null,
                    String(v),
                    row.overdue ? h('span', { class: 'badge overdue' }, ` ${t('tasks.overdue')}`) : null,
                  ),
              },
              rowExtra: (row) =>
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'btn btn-small',
                    onclick: async () => {
                      await api('PATCH', `/api/tasks/${String(row.id)}`, { status: 'done' });
                      void load();
                    },
                  },
                  t('tasks.done'),
                ),
            },
          ),
        );
      },
    );
  outlet.replaceChildren(
    h(
      'div',
      { class: 'tasks' },
      h('h1', null, t('tasks.title')),
      h('p', { class: 'muted' }, t('tasks.intro')),
      body,
    ),
  );
  void load();
}
