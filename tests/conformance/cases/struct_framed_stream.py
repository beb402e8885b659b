# A binary protocol on asyncio's streams: each message is a struct header
# (type, sequence number, payload length, big-endian) followed by the
# payload, read back with readexactly. The server answers each request
# after a delay that depends on its size, so the replies of two clients
# interleave on the virtual clock.
import asyncio
import struct
import time

HEADER = struct.Struct('!BHI')
PING, DATA, REPLY, BYE = 1, 2, 3, 4


def frame(kind, seq, payload=b''):
    return HEADER.pack(kind, seq, len(payload)) + payload


async def read_frame(reader):
    header = await reader.readexactly(HEADER.size)
    kind, seq, length = HEADER.unpack(header)
    payload = await reader.readexactly(length) if length else b''
    return kind, seq, payload


async def serve(reader, writer):
    peer = writer.get_extra_info('peername')[1]
    while True:
        kind, seq, payload = await read_frame(reader)
        print(f'{time.monotonic():.2f} server <- {peer} kind={kind} seq={seq} len={len(payload)}')
        if kind == BYE:
            break
        await asyncio.sleep(0.05 * (1 + len(payload) // 8))
        if kind == DATA:
            values = struct.unpack(f'<{len(payload) // 4}i', payload)
            body = struct.pack('<qd', sum(values), sum(values) / len(values))
        else:
            body = struct.pack('>e', 0.5)
        writer.write(frame(REPLY, seq, body))
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(name, batches):
    reader, writer = await asyncio.open_connection('127.0.0.1', 9000)
    writer.write(frame(PING, 0))
    for seq, values in enumerate(batches, 1):
        writer.write(frame(DATA, seq, struct.pack(f'<{len(values)}i', *values)))
    await writer.drain()
    for _ in range(len(batches) + 1):
        kind, seq, body = await read_frame(reader)
        if seq == 0:
            print(f'{time.monotonic():.2f} {name} pong {struct.unpack(">e", body)}')
        else:
            total, mean = struct.unpack('<qd', body)
            print(f'{time.monotonic():.2f} {name} seq={seq} total={total} mean={mean}')
    writer.write(frame(BYE, 99))
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    try:
        await reader.readexactly(1)
    except asyncio.IncompleteReadError as e:
        print(f'{name} done: {e}')


async def main():
    server = await asyncio.start_server(serve, '127.0.0.1', 9000)
    async with server:
        await asyncio.gather(
            client('a', [[1, 2, 3], [10, -20, 30, 40, 50, 60, 70]]),
            client('b', [[2 ** 31 - 1, -2 ** 31], [7] * 12, [5]]),
        )
    print(HEADER.size, HEADER.format, frame(DATA, 513, b'xy'))


asyncio.run(main())
