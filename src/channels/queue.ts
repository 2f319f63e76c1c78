/** A unit of work for one chat; `id` names it in logs (e.g. "tg:update:42"). */
export interface Task {
  id: string;
  run: () => Promise<void>;
}

export interface QueueOptions {
  /** Tasks waiting or running, across all chats; push() refuses beyond this. */
  maxPending: number;
  /** Chats served at the same time. */
  concurrency: number;
  /** A task running longer is abandoned (logged) so its chat is not blocked for ever. */
  taskTimeoutMs: number;
}

export type TaskErrorHandler = (error: unknown, task: Task) => void;

/**
 * Bounded in-process queue: tasks of one chat run in order, one at a time;
 * different chats run concurrently, and a failing task never blocks the others.
 */
export class ChatQueue {
  private readonly chats = new Map<string, Task[]>();
  /** Chats that have tasks and none running. */
  private readonly ready: string[] = [];
  private running = 0;
  private pending = 0;
  private closed = false;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly options: QueueOptions,
    private readonly onError: TaskErrorHandler,
  ) {}

  get size(): number {
    return this.pending;
  }

  /** False when the queue is full or closed: the caller should ask the sender to retry later. */
  push(chatKey: string, task: Task): boolean {
    if (this.closed || this.pending >= this.options.maxPending) return false;
    this.pending += 1;
    const tasks = this.chats.get(chatKey);
    if (tasks) {
      tasks.push(task);
    } else {
      this.chats.set(chatKey, [task]);
      this.ready.push(chatKey);
    }
    this.pump();
    return true;
  }

  /** Refuse new tasks; queued ones still run. */
  close(): void {
    this.closed = true;
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

  private pump(): void {
    while (this.running < this.options.concurrency && this.ready.length > 0) {
      const chatKey = this.ready.shift()!;
      const task = this.chats.get(chatKey)!.shift()!;
      this.running += 1;
      void this.execute(task).finally(() => this.finish(chatKey));
    }
  }

  private async execute(task: Task): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`task ${task.id} timed out after ${this.options.taskTimeoutMs} ms`)),
        this.options.taskTimeoutMs,
      );
    });
    try {
      await Promise.race([task.run(), timeout]);
    } catch (error) {
      this.onError(error, task);
    } finally {
      clearTimeout(timer);
    }
  }

  private finish(chatKey: string): void {
    this.running -= 1;
    this.pending -= 1;
    const tasks = this.chats.get(chatKey)!;
    if (tasks.length > 0) this.ready.push(chatKey);
    else this.chats.delete(chatKey);
    this.pump();
    if (this.pending === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }
}
