# A small key-value protocol over streams: readuntil with a separator,
# readexactly for a length-prefixed value, LimitOverrunError from a
# reader limit, IncompleteReadError when the peer closes early, and the
# reprs of readers, writers and servers as they change.
import asyncio

STORE = {}


async def serve(reader, writer):
    print('server reader:', reader)
    while True:
        try:
            command = await reader.readuntil(b';')
        except asyncio.IncompleteReadError as e:
            print('server: peer closed,', e, e.partial)
            break
        except asyncio.LimitOverrunError as e:
            print('server: too long,', e, e.consumed)
            await reader.readexactly(e.consumed)
            writer.write(b'ERR;')
            continue
        verb, _, key = command[:-1].decode().partition(' ')
        if verb == 'SET':
            size = int(await reader.readexactly(4))
            STORE[key] = await reader.readexactly(size)
            writer.write(b'OK;')
        elif verb == 'GET':
            value = STORE.get(key, b'')
            writer.write(b'%04d' % len(value) + value)
        await asyncio.sleep(0.25)
    writer.close()
    print('server writer:', writer)
    await writer.wait_closed()
    print('server writer closed:', writer)


async def main():
    server = await asyncio.start_server(serve, 'localhost', 0, limit=32)
    port = server.sockets[0].getsockname()[1]
    print('port', port, server)
    reader, writer = await asyncio.open_connection('localhost', port)
    writer.write(b'SET colour;0004blueGET colour;')
    print(await reader.readuntil(b';'))
    size = int(await reader.readexactly(4))
    print(await reader.readexactly(size))
    writer.write(b'GET ' + b'k' * 40 + b';')
    print(await reader.readuntil(b';'))
    writer.writelines([b'SET sh', b'ape;00', b'05round'])
    print(await reader.readuntil(b';'), STORE)
    print('client reader:', reader)
    writer.write(b'GET colo')
    writer.write_eof()
    print(await reader.read(), reader.at_eof())
    await asyncio.sleep(1)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    print(server)


asyncio.run(main())
