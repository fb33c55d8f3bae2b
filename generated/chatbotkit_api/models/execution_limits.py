from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, unset_if_null

T = TypeVar("T", bound="ExecutionLimits")


@_attrs_define
class ExecutionLimits:
    """Bounds on one completion's agentic work."""

    iterations: int | Unset = UNSET
    """ Most tool-use iterations. """
    continuations: int | Unset = UNSET
    """ Most continuations after a stop. """
    calls: int | Unset = UNSET
    """ Most function calls in total. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        iterations = self.iterations

        continuations = self.continuations

        calls = self.calls

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if iterations is not UNSET:
            field_dict["iterations"] = iterations
        if continuations is not UNSET:
            field_dict["continuations"] = continuations
        if calls is not UNSET:
            field_dict["calls"] = calls

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        iterations = unset_if_null(d.pop("iterations", UNSET))

        continuations = unset_if_null(d.pop("continuations", UNSET))

        calls = unset_if_null(d.pop("calls", UNSET))

        execution_limits = cls(
            iterations=iterations,
            continuations=continuations,
            calls=calls,
        )

        execution_limits.additional_properties = d
        return execution_limits

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
