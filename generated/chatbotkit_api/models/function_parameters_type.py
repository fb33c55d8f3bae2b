from typing import Literal

FunctionParametersType = Literal["object"]

FUNCTION_PARAMETERS_TYPE_VALUES: set[FunctionParametersType] = {
    "object",
}


def check_function_parameters_type(value: str) -> FunctionParametersType:
    if value in FUNCTION_PARAMETERS_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {FUNCTION_PARAMETERS_TYPE_VALUES!r}"
    )
