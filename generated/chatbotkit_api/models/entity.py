from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, unset_if_null

if TYPE_CHECKING:
    from ..models.entity_replacement import EntityReplacement


T = TypeVar("T", bound="Entity")


@_attrs_define
class Entity:
    """An entity found in a message's text."""

    type_: str
    """ The kind of entity. """
    begin: float
    """ Offset where the entity starts. """
    end: float
    """ Offset where the entity ends. """
    text: str
    """ The entity as written. """
    replacement: EntityReplacement | Unset = UNSET
    """ What replaced an entity in the stored text. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    @property
    def type(self) -> str:
        """``type_``, under the API's name ``type``."""
        return self.type_

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        begin = self.begin

        end = self.end

        text = self.text

        replacement: dict[str, Any] | Unset = UNSET
        if not isinstance(self.replacement, Unset):
            replacement = self.replacement.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "begin": begin,
                "end": end,
                "text": text,
            }
        )
        if replacement is not UNSET:
            field_dict["replacement"] = replacement

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.entity_replacement import EntityReplacement

        d = dict(src_dict)
        type_ = d.pop("type")

        begin = d.pop("begin")

        end = d.pop("end")

        text = d.pop("text")

        _replacement = unset_if_null(d.pop("replacement", UNSET))
        replacement: EntityReplacement | Unset
        if isinstance(_replacement, Unset):
            replacement = UNSET
        else:
            replacement = EntityReplacement.from_dict(_replacement)

        entity = cls(
            type_=type_,
            begin=begin,
            end=end,
            text=text,
            replacement=replacement,
        )

        entity.additional_properties = d
        return entity

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
