# fnmatch for the aioscope interpreter: shell-style wildcards (* ? [seq]
# [!seq]) matched by a small backtracking matcher of their own, and
# translate(), which gives the regular expression CPython 3.11 builds for a
# pattern (its text: programs print it or compile it themselves).
import os
import posixpath
import re

__all__ = ['filter', 'fnmatch', 'fnmatchcase', 'translate']


def fnmatch(name, pat):
    name = os.path.normcase(name)
    pat = os.path.normcase(pat)
    return fnmatchcase(name, pat)


def filter(names, pat):
    pat = os.path.normcase(pat)
    return [name for name in names if fnmatchcase(os.path.normcase(name), pat)]


def _parse(pat):
    """The pattern as items: ('*',), ('?',), ('set', negated, members) or
    ('lit', char); members are (low, high) pairs."""
    items = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not items or items[-1] != ('*',):
                items.append(('*',))
        elif c == '?':
            items.append(('?',))
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1
            while j < n and pat[j] != ']':
                j += 1
            if j >= n:
                items.append(('lit', '['))
                continue
            body = pat[i:j]
            i = j + 1
            negated = body[:1] == '!'
            if negated:
                body = body[1:]
            members = []
            k = 0
            while k < len(body):
                if k + 2 < len(body) and body[k + 1] == '-':
                    low, high = body[k], body[k + 2]
                    if low <= high:
                        members.append((low, high))
                    k += 3
                else:
                    members.append((body[k], body[k]))
                    k += 1
            items.append(('set', negated, members))
        else:
            items.append(('lit', c))
    return items


def _match(items, name):
    # Backtracking over the last star seen: the classic wildcard matcher.
    i = j = 0
    star_item = star_name = -1
    while j < len(name):
        if i < len(items) and items[i] != ('*',) and _one(items[i], name[j]):
            i += 1
            j += 1
        elif i < len(items) and items[i] == ('*',):
            star_item, star_name = i, j
            i += 1
        elif star_item >= 0:
            star_name += 1
            i, j = star_item + 1, star_name
        else:
            return False
    while i < len(items) and items[i] == ('*',):
        i += 1
    return i == len(items)


def _one(item, ch):
    kind = item[0]
    if kind == '?':
        return True
    if kind == 'lit':
        return item[1] == ch
    inside = any(low <= ch <= high for low, high in item[2])
    return inside != item[1]


def fnmatchcase(name, pat):
    return _match(_parse(pat), name)


def translate(pat):
    """The regular expression (text) CPython 3.11 gives for pat."""
    STAR = object()
    res = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not res or res[-1] is not STAR:
                res.append(STAR)
        elif c == '?':
            res.append('.')
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1
            while j < n and pat[j] != ']':
                j += 1
            if j >= n:
                res.append('\\[')
                continue
            stuff = pat[i:j]
            if '-' not in stuff:
                stuff = stuff.replace('\\', r'\\')
            else:
                chunks = []
                k = i + 2 if pat[i] == '!' else i + 1
                while True:
                    k = pat.find('-', k, j)
                    if k < 0:
                        break
                    chunks.append(pat[i:k])
                    i = k + 1
                    k = k + 3
                chunk = pat[i:j]
                if chunk:
                    chunks.append(chunk)
                else:
                    chunks[-1] += '-'
                for k in range(len(chunks) - 1, 0, -1):
                    if chunks[k - 1][-1] > chunks[k][0]:
                        chunks[k - 1] = chunks[k - 1][:-1] + chunks[k][1:]
                        del chunks[k]
                stuff = '-'.join(s.replace('\\', r'\\').replace('-', r'\-')
                                 for s in chunks)
            stuff = re.sub(r'([&~|])', r'\\\1', stuff)
            i = j + 1
            if not stuff:
                res.append('(?!)')
            elif stuff == '!':
                res.append('.')
            else:
                if stuff[0] == '!':
                    stuff = '^' + stuff[1:]
                elif stuff[0] in ('^', '['):
                    stuff = '\\' + stuff
                res.append(f'[{stuff}]')
        else:
            res.append(re.escape(c))
    out = []
    i, n = 0, len(res)
    while i < n and res[i] is not STAR:
        out.append(res[i])
        i += 1
    while i < n:
        i += 1
        if i == n:
            out.append('.*')
            break
        fixed = []
        while i < n and res[i] is not STAR:
            fixed.append(res[i])
            i += 1
        fixed = ''.join(fixed)
        if i == n:
            out.append('.*')
            out.append(fixed)
        else:
            out.append(f'(?>.*?{fixed})')
    return fr'(?s:{"".join(out)})\Z'
