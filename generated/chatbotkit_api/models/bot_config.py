from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, unset_if_null

T = TypeVar("T", bound="BotConfig")


@_attrs_define
class BotConfig:
    """Inline bot settings, for use without a stored bot."""

    model: str | Unset = UNSET
    """ A model name, optionally with settings, e.g. gpt-5.4 or name/key=value. """
    backstory: str | Unset = UNSET
    dataset_id: str | Unset = UNSET
    skillset_id: str | Unset = UNSET
    privacy: bool | Unset = UNSET
    moderation: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        backstory = self.backstory

        dataset_id = self.dataset_id

        skillset_id = self.skillset_id

        privacy = self.privacy

        moderation = self.moderation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
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

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        model = unset_if_null(d.pop("model", UNSET))

        backstory = unset_if_null(d.pop("backstory", UNSET))

        dataset_id = unset_if_null(d.pop("datasetId", UNSET))

        skillset_id = unset_if_null(d.pop("skillsetId", UNSET))

        privacy = unset_if_null(d.pop("privacy", UNSET))

        moderation = unset_if_null(d.pop("moderation", UNSET))

        bot_config = cls(
            model=model,
            backstory=backstory,
            dataset_id=dataset_id,
            skillset_id=skillset_id,
            privacy=privacy,
            moderation=moderation,
        )

        bot_config.additional_properties = d
        return bot_config

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
