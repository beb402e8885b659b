# 同样两次相互依赖的调用，写了两遍：一遍是回调链（每个回调安排下一个），
# 一遍是连续 await 两次的一个协程。
import asyncio


def fetch_later(loop, what, then):
    print('request', what)
    loop.call_later(0.2, then, what + ' data')


def first_done(loop, done, data):
    print('callback got', data)
    fetch_later(loop, 'second', lambda d: second_done(done, d))


def second_done(done, data):
    print('callback got', data)
    done.set_result('callbacks finished')


async def fetch(what):
    print('request', what)
    await asyncio.sleep(0.2)
    return what + ' data'


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    fetch_later(loop, 'first', lambda d: first_done(loop, done, d))
    print(await done)

    data = await fetch('first')
    print('coroutine got', data)
    data = await fetch('second')
    print('coroutine got', data)
    print('coroutine finished')


asyncio.run(main())
