from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, unset_if_null

if TYPE_CHECKING:
    from ..models.extensions_definition import ExtensionsDefinition
    from ..models.message import Message


T = TypeVar("T", bound="CompactRequest")


@_attrs_define
class CompactRequest:
    messages: list[Message]
    bot_id: str | Unset = UNSET
    model: str | Unset = UNSET
    """ A model name, optionally with settings, e.g. gpt-5.4 or name/key=value. """
    backstory: str | Unset = UNSET
    dataset_id: str | Unset = UNSET
    skillset_id: str | Unset = UNSET
    privacy: bool | Unset = UNSET
    moderation: bool | Unset = UNSET
    extensions: ExtensionsDefinition | Unset = UNSET
    """ Extra backstory, data and abilities for this completion only. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        messages = []
        for messages_item_data in self.messages:
            messages_item = messages_item_data.to_dict()
            messages.append(messages_item)

        bot_id = self.bot_id

        model = self.model

        backstory = self.backstory

        dataset_id = self.dataset_id

        skillset_id = self.skillset_id

        privacy = self.privacy

        moderation = self.moderation

        extensions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extensions, Unset):
            extensions = self.extensions.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "messages": messages,
            }
        )
        if bot_id is not UNSET:
            field_dict["botId"] = bot_id
        if model is not UNSET:
            field_dict["model"] = model
        if backstory is not UNSET:
            field_dict["backstory"] = backstory
        if dataset_id is not UNSET:
            field_dict["datasetId"] = dataset_id
        if skillset_id is not UNSET:
            field_dict["skillsetId"] = skillset_id
        if privacy is not UNSET:
            field_dict["privacy"] = privacy
        if moderation is not UNSET:
            field_dict["moderation"] = moderation
        if extensions is not UNSET:
            field_dict["extensions"] = extensions

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.extensions_definition import ExtensionsDefinition
        from ..models.message import Message

        d = dict(src_dict)
        messages = []
        _messages = d.pop("messages")
        for messages_item_data in _messages:
            messages_item = Message.from_dict(messages_item_data)

            messages.append(messages_item)

        bot_id = unset_if_null(d.pop("botId", UNSET))

        model = unset_if_null(d.pop("model", UNSET))

        backstory = unset_if_null(d.pop("backstory", UNSET))

        dataset_id = unset_if_null(d.pop("datasetId", UNSET))

        skillset_id = unset_if_null(d.pop("skillsetId", UNSET))

        privacy = unset_if_null(d.pop("privacy", UNSET))

        moderation = unset_if_null(d.pop("moderation", UNSET))

        _extensions = unset_if_null(d.pop("extensions", UNSET))
        extensions: ExtensionsDefinition | Unset
        if isinstance(_extensions, Unset):
            extensions = UNSET
        else:
            extensions = ExtensionsDefinition.from_dict(_extensions)

        compact_request = cls(
            messages=messages,
            bot_id=bot_id,
            model=model,
            backstory=backstory,
            dataset_id=dataset_id,
            skillset_id=skillset_id,
            privacy=privacy,
            moderation=moderation,
            extensions=extensions,
        )

        compact_request.additional_properties = d
        return compact_request

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
