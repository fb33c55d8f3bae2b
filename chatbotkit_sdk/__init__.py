"""Typed Python SDK for the ChatBotKit conversation API.

    from chatbotkit_sdk import ConversationClient

    with ConversationClient() as client:          # secret from CHATBOTKIT_API_SECRET
        conversation = client.create({"model": "gpt-4o"})
        reply = client.complete(conversation.id, {"text": "Hi!"}).result()
        print(reply.text)

Models (request and result types) live in ``chatbotkit_sdk.models``, the dict-literal
types of requests and queries in ``chatbotkit_sdk.params``, and each operation's
stream events in ``chatbotkit_sdk.streams``. ``UnknownValue`` is what an open enum
holds when the API sends a value newer than this release (see docs/forward-compatibility.md).
"""

import typing as _typing

from . import models
from ._client import (
    AsyncAttachmentClient,
    AsyncContactClient,
    AsyncConversationClient,
    AsyncMessageClient,
    AsyncSessionClient,
    AttachmentClient,
    ClientConfig,
    ContactClient,
    ConversationClient,
    MessageClient,
    SessionClient,
)
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ChatBotKitError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    StreamDecodeError,
    StreamError,
    UnprocessableEntityError,
)
from ._logging import configure_from_env as _configure_logging
from ._methods import DualMethod
from ._resource import (
    AsyncResponsePromise,
    AsyncStreamableResponsePromise,
    ResponsePromise,
    StreamableResponsePromise,
)
from ._streaming import AsyncEventStream, EventStream, UnknownEvent
from ._types import NOT_GIVEN, NotGiven, RequestOptions, TimeoutTypes

if _typing.TYPE_CHECKING:
    from chatbotkit_api.types import UnknownValue

    from ._streaming import StreamEvent

__version__ = "0.1.0"

_configure_logging()

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncAttachmentClient",
    "AsyncContactClient",
    "AsyncConversationClient",
    "AsyncEventStream",
    "AsyncMessageClient",
    "AsyncResponsePromise",
    "AsyncSessionClient",
    "AsyncStreamableResponsePromise",
    "AttachmentClient",
    "AuthenticationError",
    "BadRequestError",
    "ChatBotKitError",
    "ClientConfig",
    "ConflictError",
    "ContactClient",
    "ConversationClient",
    "DualMethod",
    "EventStream",
    "InternalServerError",
    "MessageClient",
    "NOT_GIVEN",
    "NotFoundError",
    "NotGiven",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestOptions",
    "ResponsePromise",
    "ResponseValidationError",
    "SessionClient",
    "StreamDecodeError",
    "StreamError",
    "StreamEvent",
    "StreamableResponsePromise",
    "TimeoutTypes",
    "UnknownEvent",
    "UnknownValue",
    "UnprocessableEntityError",
    "models",
]


if not _typing.TYPE_CHECKING:  # type checkers see the real names above, so a misspelt one is an error

    def __getattr__(name: str) -> _typing.Any:
        # StreamEvent, the union of every event model, is built on first use so that
        # importing the SDK does not load the models (see ``make bench``).
        if name == "StreamEvent":
            from . import _streaming

            return _streaming.StreamEvent
        # An enum value newer than this release; it lives beside the models (attrs).
        if name == "UnknownValue":
            from chatbotkit_api.types import UnknownValue

            return UnknownValue
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
