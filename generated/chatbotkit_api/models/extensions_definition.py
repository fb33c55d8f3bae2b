from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, unset_if_null

if TYPE_CHECKING:
    from ..models.extension_dataset import ExtensionDataset
    from ..models.extension_feature import ExtensionFeature
    from ..models.extension_skillset import ExtensionSkillset


T = TypeVar("T", bound="ExtensionsDefinition")


@_attrs_define
class ExtensionsDefinition:
    """Extra backstory, data and abilities for this completion only."""

    backstory: str | Unset = UNSET
    datasets: list[ExtensionDataset] | Unset = UNSET
    skillsets: list[ExtensionSkillset] | Unset = UNSET
    features: list[ExtensionFeature] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        backstory = self.backstory

        datasets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.datasets, Unset):
            datasets = []
            for datasets_item_data in self.datasets:
                datasets_item = datasets_item_data.to_dict()
                datasets.append(datasets_item)

        skillsets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.skillsets, Unset):
            skillsets = []
            for skillsets_item_data in self.skillsets:
                skillsets_item = skillsets_item_data.to_dict()
                skillsets.append(skillsets_item)

        features: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.features, Unset):
            features = []
            for features_item_data in self.features:
                features_item = features_item_data.to_dict()
                features.append(features_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if backstory is not UNSET:
            field_dict["backstory"] = backstory
        if datasets is not UNSET:
            field_dict["datasets"] = datasets
        if skillsets is not UNSET:
            field_dict["skillsets"] = skillsets
        if features is not UNSET:
            field_dict["features"] = features

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.extension_dataset import ExtensionDataset
        from ..models.extension_feature import ExtensionFeature
        from ..models.extension_skillset import ExtensionSkillset

        d = dict(src_dict)
        backstory = unset_if_null(d.pop("backstory", UNSET))

        _datasets = unset_if_null(d.pop("datasets", UNSET))
        datasets: list[ExtensionDataset] | Unset = UNSET
        if _datasets is not UNSET:
            datasets = []
            for datasets_item_data in _datasets:
                datasets_item = ExtensionDataset.from_dict(datasets_item_data)

                datasets.append(datasets_item)

        _skillsets = unset_if_null(d.pop("skillsets", UNSET))
        skillsets: list[ExtensionSkillset] | Unset = UNSET
        if _skillsets is not UNSET:
            skillsets = []
            for skillsets_item_data in _skillsets:
                skillsets_item = ExtensionSkillset.from_dict(skillsets_item_data)

                skillsets.append(skillsets_item)

        _features = unset_if_null(d.pop("features", UNSET))
        features: list[ExtensionFeature] | Unset = UNSET
        if _features is not UNSET:
            features = []
            for features_item_data in _features:
                features_item = ExtensionFeature.from_dict(features_item_data)

                features.append(features_item)

        extensions_definition = cls(
            backstory=backstory,
            datasets=datasets,
            skillsets=skillsets,
            features=features,
        )

        extensions_definition.additional_properties = d
        return extensions_definition

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
