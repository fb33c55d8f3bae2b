from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, unset_if_null

if TYPE_CHECKING:
    from ..models.extension_feature_options import ExtensionFeatureOptions


T = TypeVar("T", bound="ExtensionFeature")


@_attrs_define
class ExtensionFeature:
    name: str
    options: ExtensionFeatureOptions | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if options is not UNSET:
            field_dict["options"] = options

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.extension_feature_options import ExtensionFeatureOptions

        d = dict(src_dict)
        name = d.pop("name")

        _options = unset_if_null(d.pop("options", UNSET))
        options: ExtensionFeatureOptions | Unset
        if isinstance(_options, Unset):
            options = UNSET
        else:
            options = ExtensionFeatureOptions.from_dict(_options)

        extension_feature = cls(
            name=name,
            options=options,
        )

        extension_feature.additional_properties = d
        return extension_feature

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
