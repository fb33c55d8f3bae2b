from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.message_type import MessageType, check_message_type
from ..types import UNSET, Unset, model_repr, unset_if_null

if TYPE_CHECKING:
    from ..models.entity import Entity
    from ..models.meta import Meta


T = TypeVar("T", bound="MessageUpdateRequest")


@_attrs_define
class MessageUpdateRequest:
    type_: MessageType | Unset = UNSET
    """ Who or what a message comes from. """
    text: str | Unset = UNSET
    entities: list[Entity] | Unset = UNSET
    name: str | Unset = UNSET
    description: str | Unset = UNSET
    meta: Meta | Unset = UNSET
    """ Free-form meta data. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    @property
    def type(self) -> MessageType | Unset:
        """``type_``, under the API's name ``type``."""
        return self.type_

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_

        text = self.text

        entities: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.entities, Unset):
            entities = []
            for entities_item_data in self.entities:
                entities_item = entities_item_data.to_dict()
                entities.append(entities_item)

        name = self.name

        description = self.description

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if text is not UNSET:
            field_dict["text"] = text
        if entities is not UNSET:
            field_dict["entities"] = entities
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if meta is not UNSET:
            field_dict["meta"] = meta

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.entity import Entity
        from ..models.meta import Meta

        d = dict(src_dict)
        _type_ = unset_if_null(d.pop("type", UNSET))
        type_: MessageType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = check_message_type(_type_)

        text = unset_if_null(d.pop("text", UNSET))

        _entities = unset_if_null(d.pop("entities", UNSET))
        entities: list[Entity] | Unset = UNSET
        if _entities is not UNSET:
            entities = []
            for entities_item_data in _entities:
                entities_item = Entity.from_dict(entities_item_data)

                entities.append(entities_item)

        name = unset_if_null(d.pop("name", UNSET))

        description = unset_if_null(d.pop("description", UNSET))

        _meta = unset_if_null(d.pop("meta", UNSET))
        meta: Meta | Unset
        if isinstance(_meta, Unset):
            meta = UNSET
        else:
            meta = Meta.from_dict(_meta)

        message_update_request = cls(
            type_=type_,
            text=text,
            entities=entities,
            name=name,
            description=description,
            meta=meta,
        )

        message_update_request.additional_properties = d
        return message_update_request

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
