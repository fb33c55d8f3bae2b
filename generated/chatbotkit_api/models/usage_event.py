from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.usage_event_type import UsageEventType, check_usage_event_type
from ..types import model_repr

if TYPE_CHECKING:
    from ..models.model_usage import ModelUsage


T = TypeVar("T", bound="UsageEvent")


@_attrs_define
class UsageEvent:
    type_: UsageEventType
    data: ModelUsage
    """ Tokens one model call consumed. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    @property
    def type(self) -> UsageEventType:
        """``type_``, under the API's name ``type``."""
        return self.type_

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.model_usage import ModelUsage

        d = dict(src_dict)
        type_ = check_usage_event_type(d.pop("type"))

        data = ModelUsage.from_dict(d.pop("data"))

        usage_event = cls(
            type_=type_,
            data=data,
        )

        usage_event.additional_properties = d
        return usage_event

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
