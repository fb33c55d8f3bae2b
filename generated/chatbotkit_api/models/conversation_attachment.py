from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, unset_if_null

if TYPE_CHECKING:
    from ..models.meta import Meta


T = TypeVar("T", bound="ConversationAttachment")


@_attrs_define
class ConversationAttachment:
    """A file attached to a conversation."""

    id: str
    created_at: float
    updated_at: float
    name: str | Unset = UNSET
    """ The stored file name. """
    description: str | Unset = UNSET
    meta: Meta | Unset = UNSET
    """ Free-form meta data. """
    type_: str | Unset = UNSET
    """ The MIME type inferred for the file. """
    size: float | Unset = UNSET
    """ Size in bytes. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    @property
    def type(self) -> str | Unset:
        """``type_``, under the API's name ``type``."""
        return self.type_

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        created_at = self.created_at

        updated_at = self.updated_at

        name = self.name

        description = self.description

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        type_ = self.type_

        size = self.size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "createdAt": created_at,
                "updatedAt": updated_at,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if meta is not UNSET:
            field_dict["meta"] = meta
        if type_ is not UNSET:
            field_dict["type"] = type_
        if size is not UNSET:
            field_dict["size"] = size

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.meta import Meta

        d = dict(src_dict)
        id = d.pop("id")

        created_at = d.pop("createdAt")

        updated_at = d.pop("updatedAt")

        name = unset_if_null(d.pop("name", UNSET))

        description = unset_if_null(d.pop("description", UNSET))

        _meta = unset_if_null(d.pop("meta", UNSET))
        meta: Meta | Unset
        if isinstance(_meta, Unset):
            meta = UNSET
        else:
            meta = Meta.from_dict(_meta)

        type_ = unset_if_null(d.pop("type", UNSET))

        size = unset_if_null(d.pop("size", UNSET))

        conversation_attachment = cls(
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            name=name,
            description=description,
            meta=meta,
            type_=type_,
            size=size,
        )

        conversation_attachment.additional_properties = d
        return conversation_attachment

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
