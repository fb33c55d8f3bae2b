from typing import Literal, TypeAlias

FunctionParametersType: TypeAlias = Literal["object"]

FUNCTION_PARAMETERS_TYPE_VALUES: frozenset[str] = frozenset(
    {
        "object",
    }
)
"""The values this release knows."""


def check_function_parameters_type(value: str) -> FunctionParametersType:
    if value in FUNCTION_PARAMETERS_TYPE_VALUES:
        return value  # type: ignore[return-value]
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {sorted(FUNCTION_PARAMETERS_TYPE_VALUES)!r}"
    )
