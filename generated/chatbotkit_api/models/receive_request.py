from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, unset_if_null

if TYPE_CHECKING:
    from ..models.extensions_definition import ExtensionsDefinition
    from ..models.function_definition import FunctionDefinition


T = TypeVar("T", bound="ReceiveRequest")


@_attrs_define
class ReceiveRequest:
    functions: list[FunctionDefinition] | Unset = UNSET
    """ Functions the bot may call during the completion. """
    extensions: ExtensionsDefinition | Unset = UNSET
    """ Extra backstory, data and abilities for this completion only. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        functions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.functions, Unset):
            functions = []
            for componentsschemas_functions_definition_item_data in self.functions:
                componentsschemas_functions_definition_item = (
                    componentsschemas_functions_definition_item_data.to_dict()
                )
                functions.append(componentsschemas_functions_definition_item)

        extensions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extensions, Unset):
            extensions = self.extensions.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if functions is not UNSET:
            field_dict["functions"] = functions
        if extensions is not UNSET:
            field_dict["extensions"] = extensions

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.extensions_definition import ExtensionsDefinition
        from ..models.function_definition import FunctionDefinition

        d = dict(src_dict)
        _functions = unset_if_null(d.pop("functions", UNSET))
        functions: list[FunctionDefinition] | Unset = UNSET
        if _functions is not UNSET:
            functions = []
            for componentsschemas_functions_definition_item_data in _functions:
                componentsschemas_functions_definition_item = (
                    FunctionDefinition.from_dict(
                        componentsschemas_functions_definition_item_data
                    )
                )

                functions.append(componentsschemas_functions_definition_item)

        _extensions = unset_if_null(d.pop("extensions", UNSET))
        extensions: ExtensionsDefinition | Unset
        if isinstance(_extensions, Unset):
            extensions = UNSET
        else:
            extensions = ExtensionsDefinition.from_dict(_extensions)

        receive_request = cls(
            functions=functions,
            extensions=extensions,
        )

        receive_request.additional_properties = d
        return receive_request

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
