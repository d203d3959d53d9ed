import type { ConversationState } from './conversation.ts';

/**
 * In-memory conversation states by conversation id, least recently used evicted beyond `capacity`.
 * The lead persists states in app storage later; this keeps the interface.
 */
export class ConversationStore {
  private readonly states = new Map<string, ConversationState>();

  constructor(private readonly capacity = 1000) {}

  /** The state of a conversation, refreshing its place in the eviction order. */
  get(id: string): ConversationState | undefined {
    const state = this.states.get(id);
    if (state) {
      this.states.delete(id);
      this.states.set(id, state);
    }
    return state;
  }

  /** Stores a state, evicting the least recently used conversation when full. */
  set(id: string, state: ConversationState): void {
    this.states.delete(id);
    this.states.set(id, state);
    while (this.states.size > this.capacity) {
      const oldest = this.states.keys().next().value as string;
      this.states.delete(oldest);
    }
  }

  /** Forgets a conversation. */
  delete(id: string): boolean {
    return this.states.delete(id);
  }

  /** Number of conversations held. */
  get size(): number {
    return this.states.size;
  }
}
