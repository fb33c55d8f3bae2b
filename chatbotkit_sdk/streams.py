"""The events each operation's stream yields, re-exported from ``chatbotkit_api.streams``.

``CompleteConversationMessageEvent`` is what ``client.complete(conversation_id, ...).stream()``
yields (with ``UnknownEvent`` for an event type this SDK does not know yet), and so on:
one union per operation that can stream, named after the operation.
"""

from chatbotkit_api.streams import *  # noqa: F403
