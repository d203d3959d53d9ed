/** Review metadata in the user's language: who submitted a version, and the server's fixed rollback note. */
import { api } from '../api/client.ts';
import { t } from '../i18n/i18n.ts';

const ROLLBACK_NOTE = /^rollback to version (\d+)$/;

/** A stored review comment; the server's "rollback to version N" reads in the interface language. */
export function reviewNote(comment: string): string {
  const rollback = ROLLBACK_NOTE.exec(comment);
  return rollback ? t('review.rollbackNote', { n: rollback[1] ?? '' }) : comment;
}

let names: Promise<Map<string, string>> | null = null;

/** Display names of users by id (admins may list users); empty when the list is not available. */
export function userNames(): Promise<Map<string, string>> {
  names ??= api<{ users: { id: string; displayName: string; username: string }[] }>('GET', '/api/users')
    .then((r) => new Map(r.users.map((u) => [u.id, `${u.displayName} (${u.username})`])))
    .catch(() => {
      names = null;
      return new Map();
    });
  return names;
}
