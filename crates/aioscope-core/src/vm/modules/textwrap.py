# textwrap for the aioscope interpreter: CPython's line-filling algorithm
# (chunks laid greedily, long words broken, whitespace dropped at line
# ends, max_lines with a placeholder) over a chunker of our own that
# splits text where CPython's does: whitespace runs, and after hyphens
# inside words of letters.

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

_WHITESPACE = '\t\n\x0b\x0c\r '


def _is_letter(c):
    return c.isalpha()


def _is_word_punct(c):
    return c.isalnum() or c == '_' or c in '!"\'&.,?'


def _expand_tabs(text, tabsize):
    out = []
    col = 0
    for c in text:
        if c == '\t':
            spaces = tabsize - (col % tabsize) if tabsize > 0 else 0
            out.append(' ' * spaces)
            col += spaces
        elif c in '\n\r':
            out.append(c)
            col = 0
        else:
            out.append(c)
            col += 1
    return ''.join(out)


def _split_word(word):
    """A word without whitespace, cut after each hyphen that joins
    letters (long-term -> long-, term) and around em-dashes (--)."""
    pieces = []
    start = 0
    i = 0
    n = len(word)
    while i < n:
        c = word[i]
        if c == '-' and i + 1 < n and word[i + 1] == '-':
            j = i
            while j < n and word[j] == '-':
                j += 1
            if i > start and _is_word_punct(word[i - 1]) and j < n and (word[j].isalnum() or word[j] == '_'):
                pieces.append(word[start:i])
                pieces.append(word[i:j])
                start = j
            i = j
            continue
        if c == '-' and i > start:
            before_ok = (i >= 2 and _is_letter(word[i - 1]) and _is_letter(word[i - 2])) or \
                (i >= 3 and _is_letter(word[i - 1]) and word[i - 2] == '-' and _is_letter(word[i - 3]))
            after = word[i + 1:i + 4]
            after_ok = len(after) >= 2 and _is_letter(after[0]) and (
                _is_letter(after[1]) or (after[1] == '-' and len(after) >= 3 and _is_letter(after[2])))
            if before_ok and after_ok and start < i:
                pieces.append(word[start:i + 1])
                start = i + 1
        i += 1
    if start < n:
        pieces.append(word[start:])
    return pieces


def _split(text, break_on_hyphens):
    chunks = []
    i = 0
    n = len(text)
    while i < n:
        j = i
        if text[i] in _WHITESPACE:
            while j < n and text[j] in _WHITESPACE:
                j += 1
            chunks.append(text[i:j])
        else:
            while j < n and text[j] not in _WHITESPACE:
                j += 1
            if break_on_hyphens:
                chunks.extend(_split_word(text[i:j]))
            else:
                chunks.append(text[i:j])
        i = j
    return chunks


class TextWrapper:
    """Wraps paragraphs to a width."""

    def __init__(self, width=70, initial_indent="", subsequent_indent="",
                 expand_tabs=True, replace_whitespace=True, fix_sentence_endings=False,
                 break_long_words=True, drop_whitespace=True, break_on_hyphens=True,
                 tabsize=8, *, max_lines=None, placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = _expand_tabs(text, self.tabsize)
        if self.replace_whitespace:
            text = ''.join(' ' if c in _WHITESPACE else c for c in text)
        return text

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            word = chunks[i]
            if chunks[i + 1] == ' ' and len(word) >= 2 and word[-1] in '.!?' or \
                    (chunks[i + 1] == ' ' and len(word) >= 3 and word[-1] in '"\'' and word[-2] in '.!?'):
                core = word.rstrip('"\'')[:-1]
                if core and core[-1].islower():
                    chunks[i + 1] = '  '
                    i += 2
                    continue
            i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and any(c != '-' for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                del chunks[-1]
            while chunks:
                size = len(chunks[-1])
                if cur_len + size <= width:
                    cur_line.append(chunks.pop())
                    cur_len += size
                else:
                    break
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(len, cur_line))
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == '':
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if cur_line:
                if (self.max_lines is None or len(lines) + 1 < self.max_lines or
                        (not chunks or self.drop_whitespace and len(chunks) == 1 and
                         not chunks[0].strip()) and cur_len <= width):
                    lines.append(indent + ''.join(cur_line))
                else:
                    while cur_line:
                        if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                            cur_line.append(self.placeholder)
                            lines.append(indent + ''.join(cur_line))
                            break
                        cur_len -= len(cur_line[-1])
                        del cur_line[-1]
                    else:
                        if lines:
                            prev_line = lines[-1].rstrip()
                            if len(prev_line) + len(self.placeholder) <= self.width:
                                lines[-1] = prev_line + self.placeholder
                                break
                        lines.append(indent + self.placeholder.lstrip())
                    break
        return lines

    def _split_chunks(self, text):
        return _split(self._munge_whitespace(text), self.break_on_hyphens)

    def wrap(self, text):
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))


def _lines_keeping_ends(text):
    lines = []
    start = 0
    while True:
        i = text.find('\n', start)
        if i < 0:
            if start < len(text):
                lines.append(text[start:])
            return lines
        lines.append(text[start:i + 1])
        start = i + 1


def dedent(text):
    lines = _lines_keeping_ends(text)
    cleaned = []
    for line in lines:
        body = line[:-1] if line.endswith('\n') else line
        if body.strip(' \t') == '':
            cleaned.append('\n' if line.endswith('\n') else '')
        else:
            cleaned.append(line)
    margin = None
    for line in cleaned:
        body = line.rstrip('\n')
        if not body:
            continue
        lead = body[:len(body) - len(body.lstrip(' \t'))]
        if margin is None:
            margin = lead
        elif lead.startswith(margin):
            pass
        elif margin.startswith(lead):
            margin = lead
        else:
            common = 0
            for x, y in zip(margin, lead):
                if x != y:
                    break
                common += 1
            margin = margin[:common]
    if margin:
        cleaned = [line[len(margin):] if line.rstrip('\n') else line for line in cleaned]
    return ''.join(cleaned)


def indent(text, prefix, predicate=None):
    out = []
    for line in _lines_keeping_ends(text):
        if (predicate(line) if predicate is not None else line.strip()):
            out.append(prefix + line)
        else:
            out.append(line)
    return ''.join(out)
