from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, unset_if_null

if TYPE_CHECKING:
    from ..models.function_call import FunctionCall
    from ..models.function_parameters import FunctionParameters
    from ..models.function_result_channel import FunctionResultChannel
    from ..models.function_result_data import FunctionResultData


T = TypeVar("T", bound="FunctionDefinition")


@_attrs_define
class FunctionDefinition:
    name: str
    """ A JavaScript identifier, at most 64 characters. """
    description: str
    parameters: FunctionParameters
    """ A JSON Schema object describing the function's arguments. """
    result: FunctionResultChannel | FunctionResultData | Unset = UNSET
    """ A result known in advance, or the channel on which it will arrive. """
    call: FunctionCall | Unset = UNSET
    """ When the function is called without the model asking. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.function_result_data import FunctionResultData

        name = self.name

        description = self.description

        parameters = self.parameters.to_dict()

        result: dict[str, Any] | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        elif isinstance(self.result, FunctionResultData):
            result = self.result.to_dict()
        else:
            result = self.result.to_dict()

        call: dict[str, Any] | Unset = UNSET
        if not isinstance(self.call, Unset):
            call = self.call.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "description": description,
                "parameters": parameters,
            }
        )
        if result is not UNSET:
            field_dict["result"] = result
        if call is not UNSET:
            field_dict["call"] = call

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.function_call import FunctionCall
        from ..models.function_parameters import FunctionParameters
        from ..models.function_result_channel import FunctionResultChannel
        from ..models.function_result_data import FunctionResultData

        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description")

        parameters = FunctionParameters.from_dict(d.pop("parameters"))

        def _parse_result(
            data: object,
        ) -> FunctionResultChannel | FunctionResultData | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = FunctionResultData.from_dict(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            result_type_1 = FunctionResultChannel.from_dict(data)

            return result_type_1

        result = _parse_result(unset_if_null(d.pop("result", UNSET)))

        _call = unset_if_null(d.pop("call", UNSET))
        call: FunctionCall | Unset
        if isinstance(_call, Unset):
            call = UNSET
        else:
            call = FunctionCall.from_dict(_call)

        function_definition = cls(
            name=name,
            description=description,
            parameters=parameters,
            result=result,
            call=call,
        )

        function_definition.additional_properties = d
        return function_definition

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
