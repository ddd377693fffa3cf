"""``python -m benchmarks.peakrss MODULE [ARGS...]``: run MODULE as ``__main__``, then report
the process's peak RSS on stderr as ``PEAK_RSS_KB <n>``.

Why not the parent's ``wait4`` figure alone: Linux carries the RSS high-water mark of the
pre-``exec`` image (the forking parent's memory) into the child's ``ru_maxrss``, so a big
parent inflates every child it spawns. ``VmHWM`` belongs to the process's own image only.
"""

from __future__ import annotations

import atexit
import runpy
import sys

MARKER = "PEAK_RSS_KB"


def peak_rss_kb() -> int:
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource  # not Linux: the (possibly inflated) rusage figure

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _report() -> None:
    sys.stderr.write(f"\n{MARKER} {peak_rss_kb()}\n")
    sys.stderr.flush()


def main() -> None:
    module, *args = sys.argv[1:]
    sys.argv = [module, *args]
    atexit.register(_report)  # also runs on SystemExit, which is how CLIs end
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
