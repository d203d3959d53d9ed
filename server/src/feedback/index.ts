/** Feedback classification (DOMAIN.md §1 capability 7): topic and sentiment for Chinese and English text. */
export {
  classifyFeedback,
  classifyFeedbackBatch,
  type FeedbackClassification,
  type FeedbackSentiment,
  NEUTRAL_BAND,
  TOPIC_THRESHOLD,
} from './classify-feedback.ts';
export {
  type ChatCompletionsClient,
  classifyWithLlm,
  type LlmClassifyOptions,
  type LlmFeedbackClassification,
} from './classify-with-llm.ts';
export { detectLanguage, type FeedbackLanguage } from './language.ts';
