"""A first conversation, streamed token by token. ``make demo`` runs it.

Without ``CHATBOTKIT_API_SECRET`` it starts the embedded fake ChatBotKit on a local port
and talks to it over real HTTP (no account, no network); with the variable set it talks
to the real API (``CHATBOTKIT_MODEL`` picks the model, default gpt-4o).
"""

from __future__ import annotations

import os
import sys
from contextlib import ExitStack

from chatbotkit_sdk import ChatBotKitError, ConversationClient
from chatbotkit_sdk.testing import FakeChatBotKit

QUESTIONS = ("Hello!", "Can you stream your answer to me?")


def connect(stack: ExitStack) -> tuple[ConversationClient, str]:
    if os.environ.get("CHATBOTKIT_API_SECRET"):
        return stack.enter_context(ConversationClient()), "the ChatBotKit API"
    base_url = stack.enter_context(FakeChatBotKit(token_delay=0.03).serve())
    client = stack.enter_context(ConversationClient(secret="demo", base_url=base_url))
    return client, f"the embedded fake ChatBotKit at {base_url}"


def main() -> int:
    with ExitStack() as stack:
        client, where = connect(stack)
        print(f"Talking to {where}\n")
        model = os.environ.get("CHATBOTKIT_MODEL", "gpt-4o")
        conversation = client.create({"model": model, "name": "chatbotkit-sdk quickstart"})
        print(f"created conversation {conversation.id}")

        for question in QUESTIONS:
            print(f"\n  you: {question}\n  bot: ", end="", flush=True)
            with client.complete(conversation.id, {"text": question}).stream() as stream:
                for token in stream.tokens():
                    print(token, end="", flush=True)
            print()

        messages = list(client.message.list(conversation.id, {"order": "asc"}).iter_all())
        print(f"\n{len(messages)} messages in the conversation:")
        for message in messages:
            print(f"  {message.type:>4}: {message.text}")

        reply = next(m for m in reversed(messages) if m.type == "bot")
        client.message.upvote(conversation.id, reply.id, {"reason": "streamed nicely"})
        print(f"\nupvoted the last reply ({reply.id})")

        usage = client.usage(conversation.id).result()
        print(f"usage: {usage.tokens} tokens, {usage.messages} messages")

        client.delete(conversation.id)
        print(f"deleted conversation {conversation.id}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except ChatBotKitError as error:
        print(f"\nerror: {error}", file=sys.stderr)
        sys.exit(1)
