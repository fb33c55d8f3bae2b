"""The package's public names (``chatbotkit_sdk/__init__.py``): ``__all__`` lists exactly them."""

from __future__ import annotations

import types
from collections.abc import Iterator

import chatbotkit_sdk

SECRET_ENV = "CHATBOTKIT_API_SECRET"
OFFICIAL = "https://api.chatbotkit.com"


# --- the package's public names ------------------------------------------------------------


def _public_names() -> Iterator[str]:
    for name in dir(chatbotkit_sdk):
        if name.startswith("_"):
            continue
        value = getattr(chatbotkit_sdk, name)
        if not isinstance(value, types.ModuleType) or value is chatbotkit_sdk.models:
            yield name


def test_all_lists_exactly_the_public_names() -> None:
    listed = {name for name in chatbotkit_sdk.__all__ if not name.startswith("_")}
    assert listed == set(_public_names())
    assert "models" in listed
    for name in chatbotkit_sdk.__all__:
        assert hasattr(chatbotkit_sdk, name), name
    assert len(chatbotkit_sdk.__all__) == len(set(chatbotkit_sdk.__all__))


def test_all_is_sorted() -> None:
    assert chatbotkit_sdk.__all__ == sorted(chatbotkit_sdk.__all__)


def test_all_holds_no_underscore_names() -> None:
    assert [name for name in chatbotkit_sdk.__all__ if name.startswith("_")] == []
