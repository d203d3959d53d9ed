/**
 * Message templates in Chinese and English with personalisation slots `{name}`, `{last_category}` and
 * `{offer}`; a slot without a value renders as a neutral word rather than a blank or a brace.
 */
import { z } from 'zod';

const Text = z.string().trim().min(1).max(2000);
const Part = z.object({ subject: z.string().trim().max(200).optional(), body: Text });

/** A bilingual template as stored with the campaign. */
export const MessageTemplate = z.object({ zh: Part, en: Part });
export type MessageTemplate = z.infer<typeof MessageTemplate>;

export const SLOTS = ['name', 'last_category', 'offer'] as const;

export interface Personalisation {
  name: string | null;
  last_category: string | null;
  offer: string | null;
}

const FALLBACK = {
  zh: { name: '尊敬的客户', last_category: '您喜欢的商品', offer: '专属优惠' },
  en: { name: 'valued customer', last_category: 'your favourite products', offer: 'a special offer' },
} as const;

/** Slot names used in `text` that are not known slots (an author's typo). */
export function unknownSlots(text: string): string[] {
  return [...text.matchAll(/\{([a-z_]+)\}/g)]
    .map((m) => m[1]!)
    .filter((s) => !(SLOTS as readonly string[]).includes(s));
}

/** Fills the slots of one text. */
export function renderText(text: string, values: Personalisation, lang: 'zh' | 'en'): string {
  return text.replace(/\{(name|last_category|offer)\}/g, (_, slot: keyof Personalisation) => {
    return values[slot] ?? FALLBACK[lang][slot];
  });
}

/** The default template of a playbook action (its label and offer), both languages. */
export function defaultTemplate(
  label: { zh: string; en: string },
  offer?: { zh: string; en: string },
): MessageTemplate {
  return {
    zh: {
      subject: label.zh,
      body: `{name}您好！我们为您准备了${offer ? '{offer}' : '专属关怀'}，欢迎回来看看{last_category}。回复TD退订`,
    },
    en: {
      subject: label.en,
      body: `Hello {name}, we have ${offer ? '{offer}' : 'something special'} for you: come back for {last_category}. Reply STOP to opt out`,
    },
  };
}
