# spinner_thread.py，出自《流畅的 Python》第 18 章。旋转指针线程画 '|/-\'，
# 主线程则阻塞在 slow_function() 中；一个 Signal 对象通知指针线程
# 停止。线程是抢占式的：一个线程里的 time.sleep() 让另一个线程
# 得以运行。
import threading
import itertools
import time
import sys


class Signal:
    go = True


def spin(msg, signal):
    write, flush = sys.stdout.write, sys.stdout.flush
    for char in itertools.cycle('|/-\\'):
        status = char + ' ' + msg
        write(status)
        flush()
        write('\x08' * len(status))
        time.sleep(.1)
        if not signal.go:
            break
    write(' ' * len(status) + '\x08' * len(status))


def slow_function():
    # 假装为 I/O 等待了很久
    time.sleep(3)
    return 42


def supervisor():
    signal = Signal()
    spinner = threading.Thread(target=spin, args=('thinking!', signal))
    print('spinner object:', spinner)
    spinner.start()
    result = slow_function()
    signal.go = False
    spinner.join()
    return result


def main():
    result = supervisor()
    print('Answer:', result)


main()
