/**
 * The blind complaint sets (evals/blind/complaints-N/complaints.yaml): texts written without reading the
 * classifier, labelled by their writer, and the product's topic convention applied to those labels.
 *
 * Topic convention (server/src/feedback/CONTEXT.md, DOMAIN.md §2 "reason taxonomy"): `topic` is the reason a
 * customer raises: a complaint, a question or request, a reason for leaving. Praise raises none: a positive text
 * is `other` unless it also states a problem; the praised aspect is what the classifier's `aspect` gives.
 * The writer of complaints-1 labelled praise with the praised aspect ("Super fast delivery" → logistics). Its 17
 * positive texts were read for this mapping: all are praise without a current problem, so {@link reasonTopic}
 * maps every positive label to `other` (15 of 200 labels change), and {@link aspectTopic} keeps the writer's
 * label for measuring `aspect`. A later batch with praise that states a problem needs its own mapping.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { ReasonCode } from '../../src/canonical/canonical-schema.ts';
import type { FeedbackSentiment } from '../../src/feedback/classify-feedback.ts';

/** One labelled blind text as its writer labelled it. */
export interface BlindComplaint {
  id: string;
  lang: 'zh' | 'en';
  /** The writer's topic: the main complaint, or the praised aspect of a positive text. */
  topic: ReasonCode;
  sentiment: FeedbackSentiment;
  difficulty: 'easy' | 'hard';
  text: string;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Path of a blind batch's texts, e.g. `complaints-1`. */
export function blindComplaintsPath(batch: string): string {
  return join(root, 'evals/blind', batch, 'complaints.yaml');
}

/** Reads a blind batch's items. */
export function readBlindComplaints(batch: string): BlindComplaint[] {
  return (parse(readFileSync(blindComplaintsPath(batch), 'utf8')) as { items: BlindComplaint[] }).items;
}

/** The topic under the product convention: praise (positive sentiment) raises no reason. */
export function reasonTopic(item: BlindComplaint): ReasonCode {
  return item.sentiment === 'positive' ? 'other' : item.topic;
}

/** The writer's own label: what the text is about, praise included. */
export function aspectTopic(item: BlindComplaint): ReasonCode {
  return item.topic;
}
