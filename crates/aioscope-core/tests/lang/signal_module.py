# signal: the numbers and names, handlers set and read back, raise_signal
# running a Python handler at once, SIGINT's default KeyboardInterrupt, and
# loop.add_signal_handler whose handler runs after the loop has read its
# self-pipe (two iterations later).
import asyncio
import os
import signal

print(signal.SIGINT.name, signal.SIGTERM.value, int(signal.SIGUSR1 == 10), signal.NSIG)
print(repr(signal.SIGINT), repr(signal.SIG_IGN), signal.Signals(15).name)
print(signal.strsignal(signal.SIGINT), signal.strsignal(15), len(signal.valid_signals()))
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler,
      signal.getsignal(signal.SIGTERM) is signal.SIG_DFL,
      signal.getsignal(signal.SIGPIPE) is signal.SIG_IGN)


def on_usr1(signum, frame):
    print('handler got', signal.Signals(signum).name)


print(signal.signal(signal.SIGUSR1, on_usr1) is signal.SIG_DFL)
signal.raise_signal(signal.SIGUSR1)
print('after raise_signal')
os.kill(os.getpid(), signal.SIGUSR1)
print('after os.kill')
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is on_usr1)
signal.raise_signal(signal.SIGUSR1)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print('KeyboardInterrupt')
for bad in [(signal.SIGKILL, on_usr1), (0, on_usr1), (signal.SIGUSR2, 5)]:
    try:
        signal.signal(*bad)
    except (OSError, ValueError, TypeError) as e:
        print(type(e).__name__, e)


async def main():
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, print, 'loop got', 'SIGTERM')
    signal.raise_signal(signal.SIGTERM)
    print('raised')
    await asyncio.sleep(0)
    print('after sleep 0')
    await asyncio.sleep(0)
    print('removed', loop.remove_signal_handler(signal.SIGTERM),
          loop.remove_signal_handler(signal.SIGTERM),
          signal.getsignal(signal.SIGTERM) is signal.SIG_DFL)
    await asyncio.sleep(0)
    print('end of main')
    for sig, cb in [(signal.SIGKILL, print), (999, print), ('x', print)]:
        try:
            loop.add_signal_handler(sig, cb)
        except (RuntimeError, ValueError, TypeError) as e:
            print(type(e).__name__, e)


asyncio.run(main())
