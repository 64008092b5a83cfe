"""Resident memory of a process and the worker processes it forked, read from /proc
(Linux), for the benchmarks that run a command in a child process."""


def rss_kb(pid):
    "A process's resident set size in KB (0 once it has gone)."
    try:
        with open(f"/proc/{pid}/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
    except (OSError, StopIteration):
        return 0


def pss_kb(pid):
    """A process's proportional set size in KB: its resident pages, each shared page
    divided among the processes sharing it (0 once it has gone, or where the kernel
    gives no smaps_rollup)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("Pss:"))
    except (OSError, StopIteration):
        return 0


def watch(pid, peak, done):
    """Keep peak[0] the highest RSS (KB) of process ``pid`` and its children summed,
    sampled every 0.1 s until ``done`` is set. Pages a worker shares with its parent
    count twice: the sum is an upper bound. With a second slot, peak[1] keeps the
    highest summed PSS, which counts each page once: the memory the run takes."""
    while not done.wait(0.1):
        try:
            with open(f"/proc/{pid}/task/{pid}/children") as f:
                workers = f.read().split()
        except OSError:
            workers = []
        peak[0] = max(peak[0], rss_kb(pid) + sum(rss_kb(w) for w in workers))
        if len(peak) > 1:
            peak[1] = max(peak[1], pss_kb(pid) + sum(pss_kb(w) for w in workers))
