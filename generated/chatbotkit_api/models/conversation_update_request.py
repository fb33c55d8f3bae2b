from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, unset_if_null

if TYPE_CHECKING:
    from ..models.meta import Meta


T = TypeVar("T", bound="ConversationUpdateRequest")


@_attrs_define
class ConversationUpdateRequest:
    bot_id: str | Unset = UNSET
    model: str | Unset = UNSET
    """ A model name, optionally with settings, e.g. gpt-5.4 or name/key=value. """
    backstory: str | Unset = UNSET
    dataset_id: str | Unset = UNSET
    skillset_id: str | Unset = UNSET
    privacy: bool | Unset = UNSET
    moderation: bool | Unset = UNSET
    name: str | Unset = UNSET
    description: str | Unset = UNSET
    meta: Meta | Unset = UNSET
    """ Free-form meta data. """
    contact_id: str | Unset = UNSET
    task_id: str | Unset = UNSET
    space_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        bot_id = self.bot_id

        model = self.model

        backstory = self.backstory

        dataset_id = self.dataset_id

        skillset_id = self.skillset_id

        privacy = self.privacy

        moderation = self.moderation

        name = self.name

        description = self.description

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        contact_id = self.contact_id

        task_id = self.task_id

        space_id = self.space_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
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
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if meta is not UNSET:
            field_dict["meta"] = meta
        if contact_id is not UNSET:
            field_dict["contactId"] = contact_id
        if task_id is not UNSET:
            field_dict["taskId"] = task_id
        if space_id is not UNSET:
            field_dict["spaceId"] = space_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.meta import Meta

        d = dict(src_dict)
        bot_id = unset_if_null(d.pop("botId", UNSET))

        model = unset_if_null(d.pop("model", UNSET))

        backstory = unset_if_null(d.pop("backstory", UNSET))

        dataset_id = unset_if_null(d.pop("datasetId", UNSET))

        skillset_id = unset_if_null(d.pop("skillsetId", UNSET))

        privacy = unset_if_null(d.pop("privacy", UNSET))

        moderation = unset_if_null(d.pop("moderation", UNSET))

        name = unset_if_null(d.pop("name", UNSET))

        description = unset_if_null(d.pop("description", UNSET))

        _meta = unset_if_null(d.pop("meta", UNSET))
        meta: Meta | Unset
        if isinstance(_meta, Unset):
            meta = UNSET
        else:
            meta = Meta.from_dict(_meta)

        contact_id = unset_if_null(d.pop("contactId", UNSET))

        task_id = unset_if_null(d.pop("taskId", UNSET))

        space_id = unset_if_null(d.pop("spaceId", UNSET))

        conversation_update_request = cls(
            bot_id=bot_id,
            model=model,
            backstory=backstory,
            dataset_id=dataset_id,
            skillset_id=skillset_id,
            privacy=privacy,
            moderation=moderation,
            name=name,
            description=description,
            meta=meta,
            contact_id=contact_id,
            task_id=task_id,
            space_id=space_id,
        )

        conversation_update_request.additional_properties = d
        return conversation_update_request

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
