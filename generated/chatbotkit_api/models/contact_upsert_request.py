from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, unset_if_null

if TYPE_CHECKING:
    from ..models.meta import Meta


T = TypeVar("T", bound="ContactUpsertRequest")


@_attrs_define
class ContactUpsertRequest:
    fingerprint: str | Unset = UNSET
    email: str | Unset = UNSET
    phone: str | Unset = UNSET
    nick: str | Unset = UNSET
    name: str | Unset = UNSET
    description: str | Unset = UNSET
    meta: Meta | Unset = UNSET
    """ Free-form meta data. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        fingerprint = self.fingerprint

        email = self.email

        phone = self.phone

        nick = self.nick

        name = self.name

        description = self.description

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if fingerprint is not UNSET:
            field_dict["fingerprint"] = fingerprint
        if email is not UNSET:
            field_dict["email"] = email
        if phone is not UNSET:
            field_dict["phone"] = phone
        if nick is not UNSET:
            field_dict["nick"] = nick
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if meta is not UNSET:
            field_dict["meta"] = meta

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.meta import Meta

        d = dict(src_dict)
        fingerprint = unset_if_null(d.pop("fingerprint", UNSET))

        email = unset_if_null(d.pop("email", UNSET))

        phone = unset_if_null(d.pop("phone", UNSET))

        nick = unset_if_null(d.pop("nick", UNSET))

        name = unset_if_null(d.pop("name", UNSET))

        description = unset_if_null(d.pop("description", UNSET))

        _meta = unset_if_null(d.pop("meta", UNSET))
        meta: Meta | Unset
        if isinstance(_meta, Unset):
            meta = UNSET
        else:
            meta = Meta.from_dict(_meta)

        contact_upsert_request = cls(
            fingerprint=fingerprint,
            email=email,
            phone=phone,
            nick=nick,
            name=name,
            description=description,
            meta=meta,
        )

        contact_upsert_request.additional_properties = d
        return contact_upsert_request

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
