/**
 * A queue between the export's lister (one record after another) and its download workers: workers
 * wait for jobs, the lister adds them as records are listed and closes the queue at the end (or on
 * a stop), which lets idle workers finish.
 */

/** An async first-in, first-out queue of jobs. */
export class WorkQueue<T> {
  readonly #jobs: T[] = [];
  readonly #waiting: ((job: T | undefined) => void)[] = [];
  #closed = false;

  /** Adds a job, handing it straight to a waiting worker if there is one. */
  push(job: T): void {
    const worker = this.#waiting.shift();
    if (worker !== undefined) worker(job);
    else this.#jobs.push(job);
  }

  /** No more jobs will come; waiting workers get undefined. */
  close(): void {
    this.#closed = true;
    for (const worker of this.#waiting.splice(0)) worker(undefined);
  }

  /** Drops the jobs not yet taken (a stop) and closes the queue; returns them. */
  drain(): T[] {
    const left = this.#jobs.splice(0);
    this.close();
    return left;
  }

  /** The next job, or undefined once the queue is closed and empty. */
  take(): Promise<T | undefined> {
    const job = this.#jobs.shift();
    if (job !== undefined) return Promise.resolve(job);
    if (this.#closed) return Promise.resolve(undefined);
    return new Promise((resolve) => this.#waiting.push(resolve));
  }
}
