/**
 * A bounded in-memory event store for one 2025-era session, so that a client that lost its SSE
 * stream can resume with `Last-Event-ID` and receive what it missed. Sessions live in one runtime
 * process (clients of the stateless 2026-07-28 revision need none of this).
 */
import type { EventId, EventStore, JSONRPCMessage, StreamId } from '@modelcontextprotocol/server';

interface StoredEvent {
  readonly id: EventId;
  readonly streamId: StreamId;
  readonly message: JSONRPCMessage;
}

/** Keeps the last `capacity` events of a session across its streams. */
export class SessionEventStore implements EventStore {
  readonly #events: StoredEvent[] = [];
  readonly #capacity: number;
  #next = 0;

  constructor(capacity = 500) {
    this.#capacity = capacity;
  }

  storeEvent(streamId: StreamId, message: JSONRPCMessage): Promise<EventId> {
    this.#next += 1;
    const id = `${streamId}.${String(this.#next)}`;
    this.#events.push({ id, streamId, message });
    if (this.#events.length > this.#capacity) this.#events.shift();
    return Promise.resolve(id);
  }

  getStreamIdForEventId(eventId: EventId): Promise<StreamId | undefined> {
    return Promise.resolve(this.#events.find((e) => e.id === eventId)?.streamId);
  }

  async replayEventsAfter(
    lastEventId: EventId,
    { send }: { send: (eventId: EventId, message: JSONRPCMessage) => Promise<void> },
  ): Promise<StreamId> {
    const index = this.#events.findIndex((e) => e.id === lastEventId);
    const last = this.#events[index];
    if (last === undefined) return '';
    for (const event of this.#events.slice(index + 1)) {
      if (event.streamId === last.streamId) await send(event.id, event.message);
    }
    return last.streamId;
  }
}
