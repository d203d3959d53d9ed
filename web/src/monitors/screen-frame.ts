import { type Child, h } from '../dom.ts';

/** The frame of the inbox, subscriptions and monitors screens: title, a link beside it, intro, content. */
export function screenFrame(
  className: string,
  title: string,
  link: { href: string; label: string } | Child,
  intro: string | null,
  ...content: Child[]
): HTMLElement {
  const side =
    link && typeof link === 'object' && 'href' in link && 'label' in link
      ? h('a', { class: 'btn', href: link.href }, link.label)
      : (link as Child);
  return h(
    'div',
    { class: `${className} monitors-screen` },
    h('div', { class: 'screen-head' }, h('h1', null, title), side),
    intro && h('p', { class: 'muted' }, intro),
    ...content,
  );
}
