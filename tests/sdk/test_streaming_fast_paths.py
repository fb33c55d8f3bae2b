"""The stream parsers' fast paths, held to the general path they stand in for.

``EventParser`` builds token and reasoning-token events of exactly the shape
``{"type", "data": {"token": str}}`` directly, without ``check_model`` and the
generated ``from_dict``; ``TokenParser`` hands out only the text of ``token``
events. Neither may change what a stream means: the events built directly equal
those ``from_dict`` builds, every other shape still goes the general way, every
non-token event is still checked, and the line decoding (a block of lines at a
time, straight from the raw JSON scanner) accepts and refuses what ``json.loads``
of each line would. These tests drive the parsers directly, without I/O.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chatbotkit_sdk import StreamDecodeError, StreamError, UnknownEvent, models
from chatbotkit_sdk._streaming import EventParser, TokenParser, events_of
from tests.helpers import jsonl

SECRET = "sk-secret"
COMPLETE = events_of("complete_conversation")
CONVERSATION_COMPLETE = events_of("complete_conversation_message")
ITEMS = events_of("list_conversations")
TOKEN_MODELS: dict[str, type] = {"token": models.TokenEvent, "reasoningToken": models.ReasoningTokenEvent}


# --- parsers that record which path an event took --------------------------------------


def _spy(parser: type[EventParser[Any]]) -> Any:
    """``parser`` that records every item sent down the general path (in ``.general``)."""

    class Spy(parser):  # type: ignore[valid-type, misc]
        def __init__(self, events: Mapping[str, type], response: httpx.Response) -> None:
            super().__init__(events, response)
            self.general: list[Any] = []

        def _event(self, item: Any, line: str) -> Any:
            self.general.append(item)
            return super()._event(item, line)

    Spy.__name__ = Spy.__qualname__ = f"Spy{parser.__name__}"
    return Spy


SpyParser = _spy(EventParser)
SpyTokenParser = _spy(TokenParser)


def response(secret: bool = False) -> httpx.Response:
    headers = {"Authorization": f"Bearer {SECRET}"} if secret else {}
    return httpx.Response(200, request=httpx.Request("POST", "https://x", headers=headers))


def parser_of(kind: type[EventParser[Any]], events: Mapping[str, type] = COMPLETE) -> Any:
    return kind(events, response())


def feed_all(parser: EventParser[Any], chunks: Iterable[bytes], into: list[Any] | None = None) -> list[Any]:
    """Every item ``parser`` yields for ``chunks`` then the end; appended to ``into`` as they come."""
    out = [] if into is None else into
    for chunk in chunks:
        for item in parser.feed(chunk):
            out.append(item)
    for item in parser.end():
        out.append(item)
    return out


def parse(chunks: Iterable[bytes], events: Mapping[str, type] = COMPLETE) -> list[Any]:
    return feed_all(EventParser(events, response()), chunks)


def tokens(chunks: Iterable[bytes], events: Mapping[str, type] = COMPLETE) -> list[str]:
    return feed_all(TokenParser(events, response()), chunks)


def line_of(item: Any, *, ensure_ascii: bool = False, compact: bool = False) -> bytes:
    separators = (",", ":") if compact else None
    return json.dumps(item, ensure_ascii=ensure_ascii, separators=separators).encode() + b"\n"


def token(text: str, kind: str = "token") -> dict[str, Any]:
    return {"type": kind, "data": {"token": text}}


def assert_same_event(event: Any, item: dict[str, Any]) -> None:
    """``event`` is exactly what the generated model makes of ``item``."""
    cls = TOKEN_MODELS.get(item["type"]) or COMPLETE[item["type"]]
    model = cls.from_dict(item)
    assert type(event) is type(model) is cls
    assert type(event.data) is type(model.data)
    assert event == model
    assert event.data == model.data
    assert event.to_dict() == model.to_dict()
    assert event.additional_properties == model.additional_properties
    assert event.data.additional_properties == model.data.additional_properties


# --- 1. the fast path builds what the general path builds --------------------------------

#: Any code point but surrogates (``st.characters()`` does draw them; lone surrogates have
#: a test of their own below), with the characters JSON must escape made frequent.
NOT_A_SURROGATE = st.characters(exclude_categories=["Cs"])
ESCAPED = st.sampled_from(['"', "\\", "\n", "\r", "\t", "\x00", "/", "\u2028", "😀"])
TOKEN_TEXT = st.text(st.one_of(NOT_A_SURROGATE, ESCAPED), max_size=30)


@settings(max_examples=150, deadline=None)
@given(
    text=TOKEN_TEXT,
    kind=st.sampled_from(["token", "reasoningToken"]),
    layout=st.tuples(st.booleans(), st.booleans(), st.booleans()),
    events=st.sampled_from([COMPLETE, CONVERSATION_COMPLETE]),
)
def test_the_fast_path_builds_the_event_from_dict_builds(
    text: str, kind: str, layout: tuple[bool, bool, bool], events: Mapping[str, type]
) -> None:
    ensure_ascii, compact, data_first = layout
    item = {"data": {"token": text}, "type": kind} if data_first else token(text, kind)
    line = line_of(item, ensure_ascii=ensure_ascii, compact=compact)
    parser = SpyParser(events, response())

    (event,) = feed_all(parser, [line])

    assert parser.general == []  # the exact shape is built directly
    assert_same_event(event, item)
    assert event.data.token == text
    assert event.additional_properties == {}
    assert event.data.additional_properties == {}
    # and the general path, given the same item, agrees
    assert parser._event(json.loads(line), line.decode().strip()) == event


@settings(max_examples=50, deadline=None)
@given(
    st.builds(
        lambda before, surrogate, after: before + surrogate + after,
        st.text(max_size=4),
        st.characters(categories=["Cs"]),
        st.text(st.one_of(st.characters(categories=["Cs"]), st.characters()), max_size=4),
    )
)
def test_escaped_lone_surrogates_in_a_token_are_kept_as_the_general_path_keeps_them(text: str) -> None:
    item = token(text)
    line = line_of(item, ensure_ascii=True)  # "\\ud800": plain ASCII on the wire
    parser = SpyParser(COMPLETE, response())

    (event,) = feed_all(parser, [line])

    assert parser.general == []
    assert_same_event(event, item)
    assert event.data.token == json.loads(line)["data"]["token"] == text


def test_each_fast_event_is_a_fresh_object() -> None:
    line = line_of(token("a"))
    first, second = parse([line, line])
    assert first == second
    assert first is not second
    assert first.data is not second.data
    assert first.additional_properties is not second.additional_properties
    first.additional_properties["x"] = 1
    first.data.additional_properties["y"] = 2
    assert second.additional_properties == {}
    assert second.data.additional_properties == {}


# --- 2. other shapes take the general path ------------------------------------------------

NEAR_MISSES = {
    "extra top-level key": {"type": "token", "data": {"token": "a"}, "id": 1},
    "extra key in data": {"type": "token", "data": {"token": "a", "index": 3}},
    "extra keys in both": {"type": "reasoningToken", "data": {"token": "é😀", "x": None}, "y": [1]},
    "extra top-level key, reasoning": {"type": "reasoningToken", "data": {"token": ""}, "meta": {}},
}


@pytest.mark.parametrize("shape", list(NEAR_MISSES))
def test_a_token_event_of_another_shape_takes_the_general_path(shape: str) -> None:
    item = NEAR_MISSES[shape]
    parser = SpyParser(COMPLETE, response())

    (event,) = feed_all(parser, [line_of(item)])

    assert parser.general == [item]
    assert_same_event(event, item)
    extra = {key: value for key, value in item.items() if key not in ("type", "data")}
    assert event.additional_properties == extra
    extra_data = {key: value for key, value in item["data"].items() if key != "token"}
    assert event.data.additional_properties == extra_data
    assert event.to_dict() == item


BAD_TOKEN_EVENTS = {
    "token an int": {"type": "token", "data": {"token": 12345}},
    "token null": {"type": "token", "data": {"token": None}},
    "token a list": {"type": "token", "data": {"token": ["a"]}},
    "token a bool": {"type": "token", "data": {"token": True}},
    "token an object": {"type": "token", "data": {"token": {"text": "a"}}},
    "reasoning token an int": {"type": "reasoningToken", "data": {"token": 1.5}},
    "no token": {"type": "token", "data": {"text": "a"}},
    "empty data": {"type": "token", "data": {}},
    "data a string": {"type": "token", "data": "a"},
    "data a list": {"type": "token", "data": [{"token": "a"}]},
    "data null": {"type": "token", "data": None},
    "data a number": {"type": "reasoningToken", "data": 3},
    "no data": {"type": "token"},
    "no data, two keys": {"type": "token", "token": "a"},
    "no type, two keys": {"kind": "token", "data": {"token": "a"}},
}


@pytest.mark.parametrize("kind", [EventParser, TokenParser], ids=["events", "tokens"])
@pytest.mark.parametrize("shape", list(BAD_TOKEN_EVENTS))
def test_a_malformed_token_event_is_a_decode_error(shape: str, kind: type[EventParser[Any]]) -> None:
    good = token("before")
    line = line_of(BAD_TOKEN_EVENTS[shape])
    out: list[Any] = []

    with pytest.raises(StreamDecodeError) as info:
        feed_all(parser_of(kind), [line_of(good) + line + line_of(good)], out)

    assert len(out) == 1
    assert info.value.line == line.decode().strip()


@pytest.mark.parametrize("kind", [EventParser, TokenParser], ids=["events", "tokens"])
@pytest.mark.parametrize(
    "type_",
    [7, None, True, ["token"], {"token": 1}],
    ids=["int", "null", "bool", "list", "object"],
)
def test_a_type_that_is_not_a_string_is_a_decode_error(type_: Any, kind: type[EventParser[Any]]) -> None:
    # Exactly two keys, "data" just right: only the type tells it from a token event.
    line = line_of({"type": type_, "data": {"token": "a"}})
    with pytest.raises(StreamDecodeError) as info:
        feed_all(parser_of(kind), [line])
    assert info.value.line == line.decode().strip()


def test_token_events_of_a_stream_without_them_are_unknown_events() -> None:
    item = token("a")
    parser = SpyParser(ITEMS, response())

    assert feed_all(parser, [line_of(item)]) == [UnknownEvent("token", {"token": "a"})]
    assert parser.general == [item]
    assert tokens([line_of(item)], ITEMS) == []


# --- 3. TokenParser ---------------------------------------------------------------------

RESULT = {"text": "Bonjour ☃", "usage": {"token": 3}, "end": {"reason": "stop"}}
MIXED = [
    {"type": "completeBegin", "data": {}},
    token("Je réfléchis…", "reasoningToken"),
    token("Bon"),
    token("jour"),
    token(" ☃", "reasoningToken"),
    token(" ☃"),
    {"type": "usage", "data": {"model": "gpt-4o", "inputTokensUsed": 31, "outputTokensUsed": 11}},
    token(""),
    {"type": "message", "data": {"type": "bot", "text": "Bonjour ☃"}},
    {"type": "completeEnd", "data": {}},
    {"type": "result", "data": RESULT},
]


@pytest.mark.parametrize("by_line", [False, True], ids=["one chunk", "chunk per line"])
def test_token_parser_yields_the_tokens_only_in_order(by_line: bool) -> None:
    chunks = [line_of(item) for item in MIXED] if by_line else [jsonl(MIXED)]
    parser = SpyTokenParser(COMPLETE, response())

    assert feed_all(parser, chunks) == ["Bon", "jour", " ☃", ""]
    assert [item["type"] for item in parser.general] == [
        "completeBegin",
        "usage",
        "message",
        "completeEnd",
        "result",
    ]
    assert [type(event) for event in parse(chunks)] == [COMPLETE[item["type"]] for item in MIXED]


def test_token_parser_raises_an_error_event_after_the_tokens_before_it() -> None:
    lines = [
        token("a"),
        token("b", "reasoningToken"),
        token("c"),
        {"type": "error", "data": {"message": "boom"}},
    ]
    out: list[str] = []

    with pytest.raises(StreamError) as info:
        feed_all(parser_of(TokenParser), [jsonl([*lines, token("after")])], out)

    assert out == ["a", "c"]
    assert type(info.value) is StreamError
    assert str(info.value) == info.value.message == "boom"
    assert info.value.data == {"message": "boom"}


@pytest.mark.parametrize(
    "bad",
    [
        {"type": "usage", "data": {"model": "gpt-4o", "inputTokensUsed": "x", "outputTokensUsed": 1}},
        {"type": "usage", "data": {"model": "gpt-4o", "inputTokensUsed": 1}},
        {"type": "message", "data": {"type": ["bot"], "text": "a"}},
        {"type": "result", "data": {"text": "a", "end": {"reason": "stop"}}},
        {"type": "reasoningToken", "data": {"token": 5}},
        {"type": "completeBegin", "data": "not an object"},
    ],
    ids=["usage count a string", "usage without a count", "type a list", "result", "reasoning", "begin"],
)
def test_token_parser_still_checks_the_events_it_does_not_yield(bad: dict[str, Any]) -> None:
    out: list[str] = []

    with pytest.raises(StreamDecodeError) as info:
        feed_all(parser_of(TokenParser), [jsonl([token("a"), token("b"), bad, token("c")])], out)

    assert out == ["a", "b"]
    assert info.value.line == json.dumps(bad, ensure_ascii=False)
    with pytest.raises(StreamDecodeError):  # the events parser refuses it alike
        parse([jsonl([bad])])


def test_model_usage_counts_are_numbers() -> None:
    # What makes "inputTokensUsed": "x" above invalid, rather than merely unusual.
    assert models.ModelUsage.__annotations__["input_tokens_used"] in (float, "float")


def test_token_parser_skips_unknown_events_and_keeps_tokens_of_any_shape() -> None:
    lines = [
        {"type": "ping", "data": {"at": 1}},
        token("a"),
        {"type": "token", "data": {"token": "b"}, "id": 7},
        {"type": "token", "data": {"token": "c", "index": 2}},
        {"type": "reasoningToken", "data": {"token": "r"}, "id": 8},
        {"type": "future", "data": [1, 2]},
        token("d"),
    ]
    assert tokens([jsonl(lines)]) == ["a", "b", "c", "d"]


# --- 4. TokenParser and EventParser agree ----------------------------------------------

TEXT = st.text(max_size=12)
VALID_EVENTS = st.one_of(
    st.builds(token, TOKEN_TEXT, st.sampled_from(["token", "reasoningToken"])),
    st.builds(
        lambda text, kind, extra: {"type": kind, "data": {"token": text, **extra}},
        TEXT,
        st.sampled_from(["token", "reasoningToken"]),
        st.dictionaries(TEXT.filter(lambda key: key != "token"), st.integers(), min_size=1, max_size=2),
    ),
    st.builds(
        lambda text, kind: {"type": kind, "data": {"token": text}, "id": 1},
        TEXT,
        st.sampled_from(["token", "reasoningToken"]),
    ),
    st.builds(
        lambda m, i, o: {"type": "usage", "data": {"model": m, "inputTokensUsed": i, "outputTokensUsed": o}},
        TEXT,
        st.integers(0, 10**6),
        st.integers(0, 10**6),
    ),
    st.builds(
        lambda kind, text: {"type": "message", "data": {"type": kind, "text": text}},
        st.sampled_from(["bot", "user", "activity", "reasoning"]),
        TEXT,
    ),
    st.builds(
        lambda kind, data: {"type": kind, "data": data},
        st.sampled_from(["completeBegin", "completeEnd"]),
        st.dictionaries(TEXT, st.none() | st.integers() | TEXT, max_size=2),
    ),
)


@st.composite
def chunked(draw: st.DrawFn) -> tuple[list[dict[str, Any]], list[bytes]]:
    """Valid events, and their JSON Lines body cut at random."""
    items = draw(st.lists(VALID_EVENTS, max_size=12))
    newline = draw(st.sampled_from([b"\n", b"\r\n"]))
    body = b"".join(
        draw(st.sampled_from([b"", b" ", b"\t", newline]))
        + line_of(item, ensure_ascii=draw(st.booleans())).rstrip(b"\n")
        + newline
        for item in items
    )
    if body and draw(st.booleans()):
        body = body[: -len(newline)]  # no final newline
    cuts = sorted(draw(st.lists(st.integers(0, len(body)), max_size=20)))
    chunks = [body[a:b] for a, b in zip([0, *cuts], [*cuts, len(body)], strict=True)]
    return items, chunks


@settings(max_examples=150, deadline=None)
@given(chunked())
def test_token_parser_agrees_with_event_parser(stream: tuple[list[dict[str, Any]], list[bytes]]) -> None:
    items, chunks = stream
    events = parse(chunks)

    assert tokens(chunks) == [event.data.token for event in events if isinstance(event, models.TokenEvent)]
    assert tokens(chunks) == [item["data"]["token"] for item in items if item["type"] == "token"]
    assert len(events) == len(items)
    for event, item in zip(events, items, strict=True):
        assert_same_event(event, item)


# --- 5. decoding lines ----------------------------------------------------------------------

GOOD = line_of(token("a"))


@pytest.mark.parametrize("kind", [EventParser, TokenParser], ids=["events", "tokens"])
@pytest.mark.parametrize(
    "line",
    [
        b'{"type":"token","data":{"token":"a"}} x',
        b'{"type":"token","data":{"token":"a"}}x',
        b'{"type":"token","data":{"token":"a"}}{"type":"token","data":{"token":"b"}}',
        b'{"type":"token","data":{"token":"a"}} {"type":"token","data":{"token":"b"}}',
        b'{"type":"token","data":{"token":"a"}}\r{"type":"token","data":{"token":"b"}}',
        b'{"type":"token","data":{"token":"a"}},',
        b'{"type":"token","data":{"token":"a"}}}',
        b'{"type":"token","data":{"token":"a"}} // comment',
    ],
    ids=[
        "garbage after space",
        "garbage",
        "two objects",
        "two objects, space",
        "two objects, CR",
        "comma",
        "brace",
        "comment",
    ],
)
def test_anything_after_the_event_on_its_line_is_a_decode_error(
    line: bytes, kind: type[EventParser[Any]]
) -> None:
    out: list[Any] = []
    with pytest.raises(StreamDecodeError) as info:
        feed_all(parser_of(kind), [GOOD + line + b"\n" + GOOD], out)
    assert len(out) == 1
    assert info.value.line == line.decode()


@pytest.mark.parametrize("kind", [EventParser, TokenParser], ids=["events", "tokens"])
def test_crlf_and_blanks_around_lines_are_fine(kind: type[EventParser[Any]]) -> None:
    items = [
        token("a"),
        token("é\r\n", "reasoningToken"),
        {"type": "usage", "data": {"model": "m", "inputTokensUsed": 1, "outputTokensUsed": 2}},
        token("b"),
    ]
    lines = [line_of(item).rstrip(b"\n") for item in items]
    body = b"\r\n".join(
        [b" \t", b" " + lines[0] + b"\t ", b"", b"\t" + lines[1], lines[2] + b"  \r", b" ", lines[3] + b" \t"]
    )
    pieces = [[body], [body + b"\r\n"], [body[i : i + 1] for i in range(len(body))]]

    for chunks in pieces:
        out = feed_all(parser_of(kind), chunks)
        if kind is TokenParser:
            assert out == ["a", "b"]
        else:
            assert len(out) == len(items)
            for event, item in zip(out, items, strict=True):
                assert_same_event(event, item)


@pytest.mark.parametrize(
    "blank",
    ["\u00a0", "\u2028", "\u3000", "\x1c", "\x85"],
    ids=["no-break space", "line separator", "ideographic space", "file separator", "next line"],
)
def test_only_json_whitespace_surrounds_a_line(blank: str) -> None:
    # json.loads of each line (the parser's former decoding) refuses these characters
    # around a JSON text, and a line made of them only is not JSON either.
    line = (blank + '{"type":"token","data":{"token":"a"}}' + blank).encode()
    for body in (line + b"\n", blank.encode() + b"\n"):
        with pytest.raises(json.JSONDecodeError):
            json.loads(body)
        with pytest.raises(StreamDecodeError):
            parse([GOOD + body])


@pytest.mark.parametrize("kind", [EventParser, TokenParser], ids=["events", "tokens"])
@pytest.mark.parametrize("bad_at", [0, 1, 2, 3])
def test_invalid_utf8_fails_at_its_own_line(bad_at: int, kind: type[EventParser[Any]]) -> None:
    good = [token("é☃"), token("😀 ok"), token("plain"), token("last ü")]
    bad = b'{"type": "token", "data": {"token": "\xff\xfe caf\xc3 \xed\xa0\x80"}}'
    lines = [line_of(item) for item in good]
    lines[bad_at] = bad + b"\n"
    out: list[Any] = []

    with pytest.raises(StreamDecodeError) as info:
        feed_all(parser_of(kind), [b"".join(lines)], out)  # one chunk

    expected = [item["data"]["token"] for item in good[:bad_at]]
    assert [e if isinstance(e, str) else e.data.token for e in out] == expected
    quoted = bad.decode("utf-8", "replace")
    assert info.value.line == quoted
    assert "\ufffd" in info.value.line
    assert all(info.value.line != line.decode().strip() for line in lines if line != bad + b"\n")
    assert "not UTF-8" in str(info.value)


def test_invalid_utf8_in_a_line_completed_by_a_later_chunk() -> None:
    bad = b'{"type": "token", "data": {"token": "\xc3("}}'
    chunks = [GOOD + bad[:10], bad[10:] + b"\n" + GOOD]
    out: list[Any] = []
    with pytest.raises(StreamDecodeError) as info:
        feed_all(parser_of(EventParser), chunks, out)
    assert len(out) == 1
    assert info.value.line == bad.decode("utf-8", "replace")


@pytest.mark.parametrize("kind", [EventParser, TokenParser], ids=["events", "tokens"])
def test_a_character_split_across_chunks_decodes(kind: type[EventParser[Any]]) -> None:
    text = "😀é☃\u2028x"
    body = line_of(token(text)) + line_of(token("€"))
    start = body.index("😀".encode())
    splits = [[body[:k], body[k:]] for k in range(start, start + 12)]
    splits.append([body[i : i + 1] for i in range(len(body))])
    splits.append([body[: start + 1], body[start + 1 : start + 3], body[start + 3 :]])

    for chunks in splits:
        assert b"".join(chunks) == body
        out = feed_all(parser_of(kind), chunks)
        got = out if kind is TokenParser else [event.data.token for event in out]
        assert got == [text, "€"], f"chunks {chunks!r}"


@pytest.mark.parametrize("kind", [EventParser, TokenParser], ids=["events", "tokens"])
@pytest.mark.parametrize(
    "line",
    [
        b"[" * 100_000,
        b"{" + b'"a":{' * 100_000,
        b'{"type":"completeBegin","data":{"x":' + b"[" * 100_000 + b"]" * 100_000 + b"}}",
        b'{"type":"token","data":{"token":"a","x":' + b"[" * 100_000 + b"]" * 100_000 + b"}}",
    ],
    ids=["open lists", "open objects", "deep but closed data", "deep token extra"],
)
def test_a_deeply_nested_line_is_a_decode_error_not_a_recursion_error(
    line: bytes, kind: type[EventParser[Any]]
) -> None:
    out: list[Any] = []
    with pytest.raises(StreamDecodeError) as info:
        feed_all(parser_of(kind), [GOOD + line + b"\n" + GOOD], out)
    assert len(out) == 1
    assert not isinstance(info.value.__cause__, RecursionError)
    assert len(info.value.line) < 1000


def nan_aware(value: Any) -> str:
    """``value`` as JSON text, so that NaN compares equal to NaN."""
    return json.dumps(value, sort_keys=True, allow_nan=True)


@pytest.mark.parametrize(
    "line",
    [
        '{"type":"completeBegin","data":{"x":NaN,"y":[Infinity,-Infinity],"z":{"w":NaN}}}',
        '{"type":"completeEnd","data":{"score":-Infinity}}',
        '{"type":"usage","data":{"model":"m","inputTokensUsed":NaN,"outputTokensUsed":Infinity}}',
        '{"type":"token","data":{"token":"a","logprob":NaN}}',
        '{"type":"ping","data":[NaN]}',
    ],
    ids=["begin", "end", "usage", "token extra", "unknown"],
)
def test_nan_and_infinity_are_read_as_json_loads_reads_them(line: str) -> None:
    item = json.loads(line)
    (event,) = parse([line.encode() + b"\n"])

    if isinstance(event, UnknownEvent):
        assert (event.type, event.event_type) == ("unknown", item["type"])
        assert nan_aware(event.data) == nan_aware(item["data"])
    else:
        assert type(event) is COMPLETE[item["type"]]
        assert nan_aware(event.to_dict()) == nan_aware(item)
    assert any(isinstance(v, float) and not math.isfinite(v) for v in _leaves(item))


def _leaves(value: Any) -> Iterator[Any]:
    if isinstance(value, dict):
        for element in value.values():
            yield from _leaves(element)
    elif isinstance(value, list):
        for element in value:
            yield from _leaves(element)
    else:
        yield value


@pytest.mark.parametrize(
    "line",
    [
        b'{"type":"completeBegin","data":{"x":nan}}',
        b'{"type":"completeBegin","data":{"x":inf}}',
        b'{"type":"completeBegin","data":{"x":NAN}}',
        b'{"type":"completeBegin","data":{"x":01}}',
        b'{"type":"completeBegin","data":{"x":1,}}',
        b"{'type':'completeBegin','data':{}}",
        b'{"type":"token","data":{"token":"a\tb"}}',
    ],
    ids=["nan", "inf", "NAN", "leading zero", "trailing comma", "single quotes", "raw tab in string"],
)
def test_what_json_loads_refuses_is_a_decode_error(line: bytes) -> None:
    with pytest.raises(json.JSONDecodeError):
        json.loads(line)
    with pytest.raises(StreamDecodeError):
        parse([line + b"\n"])


# --- 6. errors carry no secret ---------------------------------------------------------------


@pytest.mark.parametrize("kind", [EventParser, TokenParser], ids=["events", "tokens"])
@pytest.mark.parametrize(
    "line",
    [
        b"not json",
        b'{"type":"token","data":{"token":5}}',
        b'{"type":"token","data":{"token":"a"}} x',
        b'{"type":"token","data":{"token":"\xff"}}',
        b"[" * 100_000,
    ],
    ids=["not json", "bad token", "trailing garbage", "invalid utf-8", "deep"],
)
def test_a_decode_error_carries_no_secret(line: bytes, kind: type[EventParser[Any]]) -> None:
    original = response(secret=True)
    assert SECRET in original.request.headers["authorization"]
    parser = kind(COMPLETE, original)

    with pytest.raises(StreamDecodeError) as info:
        feed_all(parser, [GOOD, line + b"\n"])

    exc = info.value
    assert SECRET not in repr(exc)
    assert SECRET not in str(exc)
    assert exc.response.request is not None
    assert SECRET not in str(list(exc.response.request.headers.values()))
    assert SECRET not in str(list(exc.response.request.headers.raw))
    assert exc.request is not None
    assert SECRET not in str(list(exc.request.headers.values()))
    assert exc.response.request.url == "https://x"


@pytest.mark.parametrize("kind", [EventParser, TokenParser], ids=["events", "tokens"])
def test_an_error_event_carries_no_secret(kind: type[EventParser[Any]]) -> None:
    parser = kind(COMPLETE, response(secret=True))
    with pytest.raises(StreamError) as info:
        feed_all(parser, [jsonl([token("a"), {"type": "error", "data": {"message": "boom"}}])])
    exc = info.value
    assert SECRET not in repr(exc)
    assert SECRET not in str(exc)
    assert exc.request is not None
    assert SECRET not in str(list(exc.request.headers.values()))
