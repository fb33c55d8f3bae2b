"""The API's data models, re-exported from the generated ``chatbotkit_api.models``.

``from chatbotkit_sdk.models import CompleteRequest`` imports that one model only:
names are looked up on first use, like in the generated package.
"""

from typing import TYPE_CHECKING, Any

import chatbotkit_api.models as _models

if TYPE_CHECKING:
    from chatbotkit_api.models import *  # noqa: F403

__all__ = list(_models.__all__)  # pyright: ignore[reportUnsupportedDunderAll]


if not TYPE_CHECKING:  # type checkers see the real names above, so a misspelt one is an error

    def __getattr__(name: str) -> Any:
        return getattr(_models, name)


def __dir__() -> list[str]:
    return sorted(__all__)
