from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.function_parameters_type import (
    FunctionParametersType,
    check_function_parameters_type,
)
from ..types import UNSET, Unset, model_repr, unset_if_null

if TYPE_CHECKING:
    from ..models.function_parameters_properties import FunctionParametersProperties


T = TypeVar("T", bound="FunctionParameters")


@_attrs_define
class FunctionParameters:
    """A JSON Schema object describing the function's arguments."""

    type_: FunctionParametersType
    properties: FunctionParametersProperties
    required: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    @property
    def type(self) -> FunctionParametersType:
        """``type_``, under the API's name ``type``."""
        return self.type_

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        properties = self.properties.to_dict()

        required: list[str] | Unset = UNSET
        if not isinstance(self.required, Unset):
            required = self.required

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "properties": properties,
            }
        )
        if required is not UNSET:
            field_dict["required"] = required

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.function_parameters_properties import FunctionParametersProperties

        d = dict(src_dict)
        type_ = check_function_parameters_type(d.pop("type"))

        properties = FunctionParametersProperties.from_dict(d.pop("properties"))

        required = cast(list[str], unset_if_null(d.pop("required", UNSET)))

        function_parameters = cls(
            type_=type_,
            properties=properties,
            required=required,
        )

        function_parameters.additional_properties = d
        return function_parameters

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
