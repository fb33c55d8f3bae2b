"""Dict-literal types of every request body and query, re-exported from ``chatbotkit_api.params``.

Annotate with them to have mypy and pyright check a request you build elsewhere::

    from chatbotkit_sdk.params import MessageParam

    history: list[MessageParam] = [{"type": "user", "text": "Hi"}]
"""

from chatbotkit_api.params import *  # noqa: F403
