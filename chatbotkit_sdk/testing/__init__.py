"""Testing tools: ``FakeChatBotKit``, an in-memory ChatBotKit conversation API.

    from chatbotkit_sdk import ConversationClient
    from chatbotkit_sdk.testing import FakeChatBotKit

    fake = FakeChatBotKit()
    client = ConversationClient(secret="test", http_client=fake.http_client())
    conversation = client.create({"model": "gpt-4o"})
    print(client.complete(conversation.id, {"text": "Hello"}).result().text)

Over real HTTP: ``with fake.serve() as base_url: ...`` or, from a shell,
``python -m chatbotkit_sdk.testing --port 8765``. With pytest, the ``chatbotkit_fake``
fixture (this package's plugin) gives each test a fresh fake.
"""

from ._fake import Bot, FakeChatBotKit
from ._transport import FakeTransport
from ._wire import FakeRequest, FakeResponse, Fault, RecordedRequest

__all__ = [
    "Bot",
    "FakeChatBotKit",
    "FakeRequest",
    "FakeResponse",
    "FakeTransport",
    "Fault",
    "RecordedRequest",
]
