/** Query and path parameters several routes share. */
import { z } from 'zod';

/** `?model=` (the default model when absent). */
export const ModelQuery = z.object({ model: z.string().max(64).optional() });

/** `?language=zh|en` (else Accept-Language). */
export const Language = z.enum(['zh', 'en']);
