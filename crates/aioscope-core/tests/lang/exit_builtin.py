import asyncio

async def main():
    print("working")
    await asyncio.sleep(0.1)
    try:
        exit(3)
    except SystemExit as e:
        print("exit raised", repr(e), e.code)
    try:
        quit()
    except SystemExit as e:
        print("quit raised", repr(e), e.code)
    print("leaving")
    exit(0)

asyncio.run(main())
print("never printed")
