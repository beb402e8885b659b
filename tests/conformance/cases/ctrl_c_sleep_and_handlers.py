# ctrl_c_sleep_and_handlers.py -- Ctrl+C (at t=1.25) while the main thread
# is in time.sleep(), with a SIGINT handler of the program's own: the
# handler runs in the middle of the sleep (with the signal's number), and
# since it returns, the sleep goes on to its end (PEP 475).
import signal
import time


def on_sigint(signum, frame):
    print(f'{time.time():.2f} handler got', signum, signal.Signals(signum).name)


print(signal.signal(signal.SIGINT, on_sigint) is signal.default_int_handler)
t0 = time.time()
time.sleep(2)
print(f'{time.time():.2f} slept', time.time() - t0)
signal.signal(signal.SIGINT, signal.default_int_handler)
time.sleep(1)
print(f'{time.time():.2f} done')
