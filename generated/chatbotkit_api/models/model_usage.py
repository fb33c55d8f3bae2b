from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import model_repr

T = TypeVar("T", bound="ModelUsage")


@_attrs_define
class ModelUsage:
    """Tokens one model call consumed."""

    model: str
    input_tokens_used: float
    output_tokens_used: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        input_tokens_used = self.input_tokens_used

        output_tokens_used = self.output_tokens_used

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
                "inputTokensUsed": input_tokens_used,
                "outputTokensUsed": output_tokens_used,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        model = d.pop("model")

        input_tokens_used = d.pop("inputTokensUsed")

        output_tokens_used = d.pop("outputTokensUsed")

        model_usage = cls(
            model=model,
            input_tokens_used=input_tokens_used,
            output_tokens_used=output_tokens_used,
        )

        model_usage.additional_properties = d
        return model_usage

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
