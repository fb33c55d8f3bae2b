"""Contains some shared types for properties"""

from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar

from attrs import define


class Unset:
    """The value of a field the API did not send (or a request leaves out)."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()


def unset_if_null(value: Any) -> Any:
    """An optional property the API sent as ``null`` reads like one it left out.

    chatbotkit: ``from_dict`` passes every optional (non-nullable) property through this,
    so that ``{"name": null}`` gives ``UNSET`` rather than failing, at every depth.
    """
    return UNSET if value is None else value


class UnknownValue(str):
    """A value of an open enum that this release does not know: the exact string the API sent.

    The API adds values to its enums (message types, end reasons) as it
    grows; an answer holding one still parses, and the attribute holds this ``str``
    subclass, so ``to_dict()`` and ``==`` see the API's own string while type checkers
    keep it apart from the known literals (``isinstance(value, UnknownValue)`` tells).
    In a request, an ``UnknownValue`` is sent as given: it says "I know this value is
    newer than the SDK", where a plain string outside the enum is refused as a typo.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"UnknownValue({str.__repr__(self)})"


# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


def model_repr(model: Any) -> str:
    """``Name(field=value, ..., additional_properties={...})``: only the fields that are set.

    chatbotkit: models use this as their ``__repr__``, so printing a record shows
    what the API sent rather than a placeholder for every absent field.
    """
    import attrs

    parts = []
    for field in attrs.fields(type(model)):
        value = getattr(model, field.name)
        if field.name == "additional_properties":
            if value:
                parts.append(f"additional_properties={value!r}")
        elif not isinstance(value, Unset):
            parts.append(f"{field.name}={value!r}")
    return f"{type(model).__name__}({', '.join(parts)})"


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "UnknownValue",
    "Unset",
    "model_repr",
    "unset_if_null",
]
