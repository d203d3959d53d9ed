/** Call tasks: "sending" one assigns a task to the customer's owner (idempotent per message). */

import { addDays } from '../../calendar/calendar.ts';
import type { Store } from '../../store/open-store.ts';
import { DeliveryError, type MessageProvider, type OutgoingMessage } from './message-provider.ts';

/** Days an owner has to make a campaign's call. */
export const CALL_DUE_DAYS = 2;

/** The call-task provider. */
export function callTaskProvider(store: Store): MessageProvider {
  return {
    channel: 'call_task',
    async send(message: OutgoingMessage) {
      if (!message.owner) throw new DeliveryError('the customer has no owner to call them', false);
      const { task } = await store.tasks.create({
        campaignId: message.campaignId,
        customerId: message.customerId,
        owner: message.owner,
        kind: 'call',
        title: message.subject ?? message.body.slice(0, 80),
        dueDate: addDays(message.day, CALL_DUE_DAYS),
        dedupeKey: `call:${message.messageId}`,
      });
      return { providerMessageId: task.id };
    },
  };
}
