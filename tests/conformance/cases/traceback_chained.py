# traceback_chained.py -- exceptions that happen while another one is being
# handled are chained.  `raise ... from err` says why ("The above exception
# was the direct cause of the following exception"); raising inside an
# `except` block without `from` keeps the first one as context ("During
# handling of the above exception, another exception occurred").  The
# traceback shows the whole chain, oldest first.
import asyncio

CONFIG = {'host': 'example.com'}


class ConfigError(Exception):
    pass


async def read_setting(key):
    await asyncio.sleep(0.1)
    try:
        return CONFIG[key]
    except KeyError as err:
        raise ConfigError(f'missing setting {key!r}') from err


async def connect():
    host = await read_setting('host')
    port = await read_setting('port')
    return host, port


async def main():
    try:
        await connect()
    except ConfigError:
        print('cannot connect; reporting it')
        report = {'status': 'failed'}
        print('reported to', report['url'])


asyncio.run(main())
