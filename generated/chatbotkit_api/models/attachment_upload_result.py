from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, unset_if_null

if TYPE_CHECKING:
    from ..models.upload_request import UploadRequest


T = TypeVar("T", bound="AttachmentUploadResult")


@_attrs_define
class AttachmentUploadResult:
    id: str
    name: str | Unset = UNSET
    upload_request: UploadRequest | Unset = UNSET
    """ Where to send the file's bytes. Send them exactly as described here, and without the API's own Authorization
    header. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        upload_request: dict[str, Any] | Unset = UNSET
        if not isinstance(self.upload_request, Unset):
            upload_request = self.upload_request.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if upload_request is not UNSET:
            field_dict["uploadRequest"] = upload_request

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.upload_request import UploadRequest

        d = dict(src_dict)
        id = d.pop("id")

        name = unset_if_null(d.pop("name", UNSET))

        _upload_request = unset_if_null(d.pop("uploadRequest", UNSET))
        upload_request: UploadRequest | Unset
        if isinstance(_upload_request, Unset):
            upload_request = UNSET
        else:
            upload_request = UploadRequest.from_dict(_upload_request)

        attachment_upload_result = cls(
            id=id,
            name=name,
            upload_request=upload_request,
        )

        attachment_upload_result.additional_properties = d
        return attachment_upload_result

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
