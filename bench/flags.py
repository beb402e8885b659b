"""Writes the benchmark program: bench/flags_downloader.py at another scale.

The flag downloader of the tutorials: N flags, each fetched as an image and
a metadata document through the corpus's simulated `net` module, at most
100 requests in flight (`Semaphore(100)`), results collected with
`as_completed`. The program file itself has N = 1000 and runs as it is;
bench/browser.rs makes the same substitution.

    python3 bench/flags.py N > flags_N.py
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
N_LINE = 'N = 1000\n'


def program(n: int) -> str:
    with open(os.path.join(HERE, 'flags_downloader.py')) as f:
        text = f.read()
    assert N_LINE in text, f'flags_downloader.py must keep the line {N_LINE!r}'
    return text.replace(N_LINE, f'N = {n}\n', 1)


if __name__ == '__main__':
    sys.stdout.write(program(int(sys.argv[1])))
