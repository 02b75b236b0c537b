/**
 * Who listens to which topic (a y-webrtc room name), kept in both directions so a
 * disconnect removes a connection from every room in one pass and an empty room is
 * forgotten at once (the library's own server leaks topics on unsubscribe).
 *
 * Uses Map/Set only: topic names come from the network and must never touch an
 * object prototype.
 */
export type SubscribeOutcome = 'subscribed' | 'too-many-topics';

export class TopicRegistry<Subscriber> {
  private readonly subscribersByTopic = new Map<string, Set<Subscriber>>();
  private readonly topicsBySubscriber = new Map<Subscriber, Set<string>>();

  constructor(private readonly maxTopicsPerSubscriber: number) {}

  /** All-or-nothing: a request that would go over the per-connection cap changes nothing. */
  subscribe(subscriber: Subscriber, topics: readonly string[]): SubscribeOutcome {
    const current = this.topicsBySubscriber.get(subscriber) ?? new Set<string>();
    const wanted = new Set(current);
    for (const topic of topics) wanted.add(topic);
    if (wanted.size > this.maxTopicsPerSubscriber) return 'too-many-topics';
    for (const topic of topics) {
      let subscribers = this.subscribersByTopic.get(topic);
      if (!subscribers) {
        subscribers = new Set();
        this.subscribersByTopic.set(topic, subscribers);
      }
      subscribers.add(subscriber);
    }
    if (wanted.size > 0) this.topicsBySubscriber.set(subscriber, wanted);
    return 'subscribed';
  }

  unsubscribe(subscriber: Subscriber, topics: readonly string[]): void {
    const current = this.topicsBySubscriber.get(subscriber);
    if (!current) return;
    for (const topic of topics) {
      if (!current.delete(topic)) continue;
      this.detach(topic, subscriber);
    }
    if (current.size === 0) this.topicsBySubscriber.delete(subscriber);
  }

  removeSubscriber(subscriber: Subscriber): void {
    const current = this.topicsBySubscriber.get(subscriber);
    if (!current) return;
    for (const topic of current) this.detach(topic, subscriber);
    this.topicsBySubscriber.delete(subscriber);
  }

  topicCountOf(subscriber: Subscriber): number {
    return this.topicsBySubscriber.get(subscriber)?.size ?? 0;
  }

  isSubscribed(subscriber: Subscriber, topic: string): boolean {
    return this.topicsBySubscriber.get(subscriber)?.has(topic) ?? false;
  }

  /** A copy, so a send that drops a slow subscriber cannot disturb the iteration. */
  subscribersOf(topic: string): Subscriber[] {
    return [...(this.subscribersByTopic.get(topic) ?? [])];
  }

  subscriberCount(topic: string): number {
    return this.subscribersByTopic.get(topic)?.size ?? 0;
  }

  get topicCount(): number {
    return this.subscribersByTopic.size;
  }

  get subscriptionCount(): number {
    let total = 0;
    for (const topics of this.topicsBySubscriber.values()) total += topics.size;
    return total;
  }

  private detach(topic: string, subscriber: Subscriber): void {
    const subscribers = this.subscribersByTopic.get(topic);
    if (!subscribers) return;
    subscribers.delete(subscriber);
    if (subscribers.size === 0) this.subscribersByTopic.delete(topic);
  }
}
