from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, unset_if_null

if TYPE_CHECKING:
    from ..models.extension_ability import ExtensionAbility


T = TypeVar("T", bound="ExtensionSkillset")


@_attrs_define
class ExtensionSkillset:
    abilities: list[ExtensionAbility]
    name: str | Unset = UNSET
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        abilities = []
        for abilities_item_data in self.abilities:
            abilities_item = abilities_item_data.to_dict()
            abilities.append(abilities_item)

        name = self.name

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "abilities": abilities,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.extension_ability import ExtensionAbility

        d = dict(src_dict)
        abilities = []
        _abilities = d.pop("abilities")
        for abilities_item_data in _abilities:
            abilities_item = ExtensionAbility.from_dict(abilities_item_data)

            abilities.append(abilities_item)

        name = unset_if_null(d.pop("name", UNSET))

        description = unset_if_null(d.pop("description", UNSET))

        extension_skillset = cls(
            abilities=abilities,
            name=name,
            description=description,
        )

        extension_skillset.additional_properties = d
        return extension_skillset

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
