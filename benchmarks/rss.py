"""Resident memory of a process and the worker processes it forked, read from /proc
(Linux), for the benchmarks that run a command in a child process."""


def rss_kb(pid):
    "A process's resident set size in KB (0 once it has gone)."
    try:
        with open(f"/proc/{pid}/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
    except (OSError, StopIteration):
        return 0


def watch(pid, peak, done):
    """Keep peak[0] the highest RSS (KB) of process ``pid`` and its children summed,
    sampled every 0.1 s until ``done`` is set. Pages a worker shares with its parent
    count twice: the sum is an upper bound."""
    while not done.wait(0.1):
        try:
            with open(f"/proc/{pid}/task/{pid}/children") as f:
                workers = f.read().split()
        except OSError:
            workers = []
        peak[0] = max(peak[0], rss_kb(pid) + sum(rss_kb(w) for w in workers))
