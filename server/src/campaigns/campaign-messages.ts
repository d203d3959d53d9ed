/** Campaigns' user-visible text, from their catalogs (messages/), in the campaign's or request's language. */
import type { Lang } from '../../../semantic-layer/src/catalog.ts';
import { messageCatalog } from '../i18n/message-catalog.ts';
import type { Campaign } from '../store/campaigns.ts';
import { EN } from './messages/messages-en.ts';
import { ZH } from './messages/messages-zh.ts';

export type { CampaignMessageId } from './messages/messages-en.ts';

export const campaignMessage = messageCatalog({ en: EN, zh: ZH });

/** A campaign's holdout design in words (random control share, stratification, comparison window). */
export function holdoutText(campaign: Campaign, lang: Lang): string {
  return campaignMessage('holdout', lang, { share: campaign.controlShare, days: campaign.windowDays });
}
