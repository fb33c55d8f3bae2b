from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, unset_if_null

if TYPE_CHECKING:
    from ..models.meta import Meta


T = TypeVar("T", bound="ExtensionAbility")


@_attrs_define
class ExtensionAbility:
    name: str
    description: str
    instruction: str
    secret_id: str | Unset = UNSET
    meta: Meta | Unset = UNSET
    """ Free-form meta data. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        instruction = self.instruction

        secret_id = self.secret_id

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "description": description,
                "instruction": instruction,
            }
        )
        if secret_id is not UNSET:
            field_dict["secretId"] = secret_id
        if meta is not UNSET:
            field_dict["meta"] = meta

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.meta import Meta

        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description")

        instruction = d.pop("instruction")

        secret_id = unset_if_null(d.pop("secretId", UNSET))

        _meta = unset_if_null(d.pop("meta", UNSET))
        meta: Meta | Unset
        if isinstance(_meta, Unset):
            meta = UNSET
        else:
            meta = Meta.from_dict(_meta)

        extension_ability = cls(
            name=name,
            description=description,
            instruction=instruction,
            secret_id=secret_id,
            meta=meta,
        )

        extension_ability.additional_properties = d
        return extension_ability

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
