/** A unit of work for one chat; `id` names it in logs (e.g. "tg:update:42"). */
export interface Task {
  id: string;
  run: () => Promise<void>;
}

export interface QueueOptions {
  /** Tasks waiting or running in one lane (a channel); push() refuses beyond this. */
  maxPending: number;
  /** Tasks waiting or running for one chat; push() refuses beyond this unless forced. */
  perChat: number;
  /** Tasks of one lane running at the same time. */
  concurrency: number;
  /** A task running longer is abandoned (logged) so its chat is not blocked for ever. */
  taskTimeoutMs: number;
}

/** Called with the failing task and its lane's name. */
export type TaskErrorHandler = (error: unknown, task: Task, lane: string) => void;

export type PushResult = 'queued' | 'lane-full' | 'chat-full' | 'closed';

interface ChatTasks {
  waiting: Task[];
  /** Waiting plus running (0 or 1). */
  count: number;
}

/** One channel's share of the queue: its own bound, its own workers, chats served in turn. */
class Lane {
  constructor(readonly name: string) {}
  readonly chats = new Map<string, ChatTasks>();
  /** Chats that have tasks waiting and none running, in the order they became ready. */
  readonly ready: string[] = [];
  running = 0;
  pending = 0;
}

/**
 * Bounded in-process queue, fair at two levels: each lane (channel) has its own bound and
 * workers, so a channel whose API hangs only holds its own; within a lane, chats take turns
 * (a chat goes to the back after each task) and one chat holds at most `perChat` tasks, so
 * one flooding chat cannot fill the lane. Tasks of one chat run in order, one at a time, and
 * a failing task never blocks the others.
 */
export class ChatQueue {
  private readonly lanes = new Map<string, Lane>();
  private pending = 0;
  private closed = false;
  /** Stopped: waiting tasks are no longer started. */
  private halted = false;
  private idleWaiters: Array<() => void> = [];

  constructor(
    readonly options: QueueOptions,
    private readonly onError: TaskErrorHandler,
  ) {}

  /** Tasks waiting or running, all lanes. */
  get size(): number {
    return this.pending;
  }

  /**
   * Queue a task. Refused when the queue is closed, the lane is full (the sender should
   * retry later) or the chat already has `perChat` tasks; `force` passes the chat bound
   * (for the one notice telling a busy chat to slow down).
   */
  push(laneName: string, chatKey: string, task: Task, force = false): PushResult {
    if (this.closed) return 'closed';
    let lane = this.lanes.get(laneName);
    if (!lane) this.lanes.set(laneName, (lane = new Lane(laneName)));
    if (lane.pending >= this.options.maxPending) return 'lane-full';
    let chat = lane.chats.get(chatKey);
    if (chat && chat.count >= this.options.perChat && !force) return 'chat-full';
    lane.pending += 1;
    this.pending += 1;
    if (!chat) lane.chats.set(chatKey, (chat = { waiting: [], count: 0 }));
    chat.waiting.push(task);
    chat.count += 1;
    // Ready when it has nothing running and is not already in line.
    if (chat.count === 1) lane.ready.push(chatKey);
    this.pump(lane);
    return 'queued';
  }

  /** Tasks waiting or running for one chat. */
  chatSize(laneName: string, chatKey: string): number {
    return this.lanes.get(laneName)?.chats.get(chatKey)?.count ?? 0;
  }

  /** Refuse new tasks; queued ones still run. */
  close(): void {
    this.closed = true;
  }

  /** Refuse new tasks and start no waiting one (they stay unanswered; the outbox keeps them). */
  halt(): void {
    this.closed = true;
    this.halted = true;
  }

  /** Resolves true once every task has finished, or false after `timeoutMs`. */
  drain(timeoutMs: number): Promise<boolean> {
    if (this.pending === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.idleWaiters = this.idleWaiters.filter((w) => w !== done);
        resolve(false);
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        resolve(true);
      };
      this.idleWaiters.push(done);
    });
  }

  private pump(lane: Lane): void {
    while (!this.halted && lane.running < this.options.concurrency && lane.ready.length > 0) {
      const chatKey = lane.ready.shift()!;
      const task = lane.chats.get(chatKey)!.waiting.shift()!;
      lane.running += 1;
      void this.execute(task, lane.name).finally(() => this.finish(lane, chatKey));
    }
  }

  private async execute(task: Task, lane: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`task ${task.id} timed out after ${this.options.taskTimeoutMs} ms`)), this.options.taskTimeoutMs);
    });
    try {
      await Promise.race([task.run(), timeout]);
    } catch (error) {
      this.onError(error, task, lane);
    } finally {
      clearTimeout(timer);
    }
  }

  private finish(lane: Lane, chatKey: string): void {
    lane.running -= 1;
    lane.pending -= 1;
    this.pending -= 1;
    const chat = lane.chats.get(chatKey)!;
    chat.count -= 1;
    if (chat.count > 0) lane.ready.push(chatKey);
    else lane.chats.delete(chatKey);
    this.pump(lane);
    if (this.pending === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }
}
