"""What anext(iterator, default) returns: the iterator's next item, or
the default once it is exhausted."""


async def anext_awaitable(awaitable, default):
    try:
        return await awaitable
    except StopAsyncIteration:
        return default
