from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.message_type import MessageType, check_message_type
from ..types import model_repr

T = TypeVar("T", bound="InitialMessage")


@_attrs_define
class InitialMessage:
    """A message a conversation is created with."""

    type_: MessageType
    """ Who or what a message comes from. """
    text: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    @property
    def type(self) -> MessageType:
        """``type_``, under the API's name ``type``."""
        return self.type_

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = check_message_type(d.pop("type"))

        text = d.pop("text")

        initial_message = cls(
            type_=type_,
            text=text,
        )

        initial_message.additional_properties = d
        return initial_message

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
