# HTTP by hand over asyncio streams, as tutorials show open_connection:
# write a request, read the status line and headers with readline, then
# the body with readexactly(Content-Length). Hosts of the virtual
# internet answer after their latency; a name that does not resolve and a
# refused port fail as CPython's do.
import asyncio
import time


async def fetch_head(host, path, port=80):
    start = time.monotonic()
    reader, writer = await asyncio.open_connection(host, port)
    print(f'{host}: connected after {time.monotonic() - start:.3f}s')
    writer.write(f'GET {path} HTTP/1.1\r\nHost: {host}\r\n'
                 f'Connection: close\r\n\r\n'.encode())
    await writer.drain()
    status = (await reader.readline()).decode().rstrip()
    headers = {}
    async for line in reader:
        if line == b'\r\n':
            break
        name, _, value = line.decode().partition(':')
        headers[name.lower()] = value.strip()
    body = await reader.readexactly(int(headers['content-length']))
    print(f'{host}{path}: {status!r}, {headers.get("content-type")}, '
          f'{len(body)} bytes after {time.monotonic() - start:.3f}s')
    print('at eof:', await reader.read(), reader.at_eof())
    writer.close()
    await writer.wait_closed()
    return body


async def main():
    body = await fetch_head('jsonplaceholder.typicode.com', '/todos/1')
    print(body.decode())
    results = await asyncio.gather(
        fetch_head('httpbin.org', '/status/404'),
        fetch_head('www.python.org', '/about/'),
        fetch_head('nowhere.invalid', '/'),
        fetch_head('localhost', '/', port=8765),
        return_exceptions=True)
    for r in results:
        if isinstance(r, Exception):
            print(type(r).__name__, r)
        else:
            print(len(r), 'bytes')
    reader, writer = await asyncio.open_connection('httpbin.org', 80)
    writer.write(b'GET /get HTTP/1.1\r\n')
    writer.close()
    try:
        await reader.readexactly(10)
    except asyncio.IncompleteReadError as e:
        print('incomplete:', e, e.partial, e.expected)


asyncio.run(main())
