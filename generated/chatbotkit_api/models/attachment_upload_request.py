from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import model_repr

if TYPE_CHECKING:
    from ..models.attachment_file import AttachmentFile


T = TypeVar("T", bound="AttachmentUploadRequest")


@_attrs_define
class AttachmentUploadRequest:
    file: AttachmentFile | str
    """ The file as an http: or data: URL, or its metadata for a presigned upload. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.attachment_file import AttachmentFile

        file: dict[str, Any] | str
        if isinstance(self.file, AttachmentFile):
            file = self.file.to_dict()
        else:
            file = self.file

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file": file,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.attachment_file import AttachmentFile

        d = dict(src_dict)

        def _parse_file(data: object) -> AttachmentFile | str:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                file_type_1 = AttachmentFile.from_dict(data)

                return file_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AttachmentFile | str, data)

        file = _parse_file(d.pop("file"))

        attachment_upload_request = cls(
            file=file,
        )

        attachment_upload_request.additional_properties = d
        return attachment_upload_request

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
