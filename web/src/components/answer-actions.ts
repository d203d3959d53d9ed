import type { RetentionAction } from '../api/types.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import { navigate } from '../router.ts';

/** Suggested retention actions as cards, each with a button to the customers it targets. */
export function answerActions(actions: RetentionAction[]): HTMLElement | null {
  if (actions.length === 0) return null;
  return h(
    'section',
    { class: 'answer-actions', 'aria-label': t('actions.title') },
    h('h3', null, t('actions.title')),
    h(
      'ul',
      { class: 'action-cards' },
      actions.map((action) =>
        h(
          'li',
          { class: 'action-card' },
          h('strong', null, action.title),
          h(
            'dl',
            { class: 'facts compact' },
            h('dt', null, t('actions.targets')),
            h(
              'dd',
              null,
              t('actions.targetCount', { count: action.targets.count, segment: action.targets.segment }),
            ),
            h('dt', null, t('actions.channel')),
            h('dd', null, action.channel, action.timing ? ` · ${action.timing}` : ''),
            h('dt', null, t('actions.expected')),
            h('dd', null, action.expectedEffect),
            h('dt', null, t('actions.measure')),
            h('dd', null, action.measure),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'btn btn-small',
              onclick: () => navigate('at-risk', { segment: action.targets.segment, action: action.id }),
            },
            t('actions.seeCustomers'),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'btn btn-small',
              onclick: () => navigate('campaigns', { new: action.id }),
            },
            t('actions.createCampaign'),
          ),
        ),
      ),
    ),
  );
}

/** Follow-up questions (or clarify options) as buttons that ask them. */
export function questionButtons(
  label: string,
  questions: { label: string; question: string }[],
  ask: (question: string) => void,
  className = 'suggestions',
): HTMLElement | null {
  if (questions.length === 0) return null;
  return h(
    'div',
    { class: className, role: 'group', 'aria-label': label },
    h('span', { class: 'muted' }, label),
    questions.map((q) =>
      h('button', { type: 'button', class: 'suggestion', onclick: () => ask(q.question) }, q.label),
    ),
  );
}
