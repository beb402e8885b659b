import asyncio

async def main():
    sem = asyncio.BoundedSemaphore(2)
    async with sem:
        print('locked?', sem.locked(), repr(sem)[:27])
    try:
        sem.release()
    except ValueError as e:
        print('ValueError:', e)
    lock = asyncio.Lock()
    try:
        lock.release()
    except RuntimeError as e:
        print('RuntimeError:', e)

asyncio.run(main())
