/**
 * What a resource measured over its stats window: from construction or the last `resetStats()`
 * up to the moment `stats()` is called.
 *
 * Waits. A request's wait is the whole time it spends in the queue: before its first service
 * and again after every preemption (a job put off shift at closing time waits overnight, and that
 * wait counts), summed over those stretches. Only time inside the window counts: a request still
 * waiting when the stats are reset contributes just its waiting after the reset. `meanWait` and
 * `maxWait` are over the requests that have left the queue within the window and are not back in
 * it when the stats are read: served (done, or in service now) or cancelled. A request waiting at
 * that moment is left out, even if it waited and was served earlier in the window, because its
 * wait is not over; it is counted once it leaves the queue again. Without preemption these are
 * exactly the requests granted a server (or cancelled) in the window, and each wait is the single
 * stretch from request to grant.
 *
 * Little's law for the queue. `arrivals` counts each request once per window: those waiting
 * when the window opens, plus those joining the queue during it (a job re-queued after a
 * preemption is the same request, counted again only if it had not been in the queue earlier in
 * the window). The queue-length area `meanQueue · T` (T the window's length) is the sum, over
 * these arrivals, of their waiting inside the window. When the queue is empty as the stats are
 * read, every arrival has left the queue and been counted, so
 *
 *   meanQueue = (arrivals / T) · meanWait
 *
 * holds exactly, however full the queue was when the window opened. Otherwise the requests still
 * waiting are among the arrivals but not among the waits: an edge term whose relative size is of
 * order (number waiting at the end) / arrivals, which vanishes as the window grows.
 */
export interface ResourceStats {
  readonly name: string;
  readonly capacity: number;
  /** Busy server-time over available server-time since the stats started. */
  readonly utilization: number;
  /** Time-average number waiting (requests in service are not waiting). */
  readonly meanQueue: number;
  readonly maxQueue: number;
  /** Time-average number in service. */
  readonly meanBusy: number;
  /** Requests in the queue at some time in the window, each counted once (see above). */
  readonly arrivals: number;
  /**
   * Requests granted a server in the window (a first start or a resumption after preemption),
   * each counted once: a job preempted and resumed within the window is not counted twice.
   */
  readonly served: number;
  /** Mean whole wait in queue, over the requests described above; 0 if there are none. */
  readonly meanWait: number;
  /**
   * The longest wait counted in the window. It may belong to a request preempted since and now
   * waiting again: then it is that request's wait up to its last grant (the whole will be longer).
   */
  readonly maxWait: number;
  readonly preemptions: number;
}
