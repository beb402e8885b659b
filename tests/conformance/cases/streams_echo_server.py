# The TCP echo server and client of asyncio's documentation, in one
# program on the virtual network: start_server, open_connection, several
# clients at once, a line protocol with readline, drain, close and
# wait_closed, serve_forever cancelled inside `async with server`.
import asyncio
import time


async def handle_echo(reader, writer):
    addr = writer.get_extra_info('peername')
    print(f'{time.monotonic():.2f} connection from {addr!r}')
    while True:
        data = await reader.readline()
        if not data:
            break
        message = data.decode().rstrip()
        print(f'{time.monotonic():.2f} received {message!r} from {addr!r}')
        await asyncio.sleep(0.1 * len(message) / 4)
        writer.write(message.upper().encode() + b'\n')
        await writer.drain()
    print(f'{time.monotonic():.2f} {addr!r} hung up; closing')
    writer.close()
    await writer.wait_closed()


async def tcp_echo_client(name, lines):
    reader, writer = await asyncio.open_connection('127.0.0.1', 8888)
    print(f'{name} connected as {writer.get_extra_info("sockname")!r}')
    for line in lines:
        writer.write(line.encode() + b'\n')
        await writer.drain()
        answer = await reader.readline()
        print(f'{time.monotonic():.2f} {name} got {answer.decode()!r}')
    writer.write_eof()
    rest = await reader.read()
    print(f'{name} rest {rest!r}, eof {reader.at_eof()}')
    writer.close()
    await writer.wait_closed()
    return name


async def main():
    server = await asyncio.start_server(handle_echo, '127.0.0.1', 8888)
    addrs = ', '.join(str(sock.getsockname()) for sock in server.sockets)
    print(f'Serving on {addrs}')
    print(server, server.is_serving())
    async with server:
        serving = asyncio.create_task(server.serve_forever())
        done = await asyncio.gather(
            tcp_echo_client('ann', ['hi', 'how are you']),
            tcp_echo_client('bob', ['hello there', 'bye']),
            tcp_echo_client('cy', ['x']))
        print('clients done:', done)
        serving.cancel()
        try:
            await serving
        except asyncio.CancelledError:
            print('serve_forever cancelled')
    print(server, server.is_serving())
    try:
        await asyncio.open_connection('127.0.0.1', 8888)
    except ConnectionRefusedError as e:
        print('after close:', e)


asyncio.run(main())
