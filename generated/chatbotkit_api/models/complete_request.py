from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, unset_if_null

if TYPE_CHECKING:
    from ..models.attachment import Attachment
    from ..models.contact_details import ContactDetails
    from ..models.execution_limits import ExecutionLimits
    from ..models.extensions_definition import ExtensionsDefinition
    from ..models.function_definition import FunctionDefinition
    from ..models.message import Message


T = TypeVar("T", bound="CompleteRequest")


@_attrs_define
class CompleteRequest:
    messages: list[Message]
    bot_id: str | Unset = UNSET
    model: str | Unset = UNSET
    """ A model name, optionally with settings, e.g. gpt-5.4 or name/key=value. """
    backstory: str | Unset = UNSET
    dataset_id: str | Unset = UNSET
    skillset_id: str | Unset = UNSET
    privacy: bool | Unset = UNSET
    moderation: bool | Unset = UNSET
    attachments: list[Attachment] | Unset = UNSET
    contact_id: ContactDetails | str | Unset = UNSET
    """ An existing contact's ID, or a contact to find or create. """
    functions: list[FunctionDefinition] | Unset = UNSET
    """ Functions the bot may call during the completion. """
    extensions: ExtensionsDefinition | Unset = UNSET
    """ Extra backstory, data and abilities for this completion only. """
    limits: ExecutionLimits | Unset = UNSET
    """ Bounds on one completion's agentic work. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.contact_details import ContactDetails

        messages = []
        for messages_item_data in self.messages:
            messages_item = messages_item_data.to_dict()
            messages.append(messages_item)

        bot_id = self.bot_id

        model = self.model

        backstory = self.backstory

        dataset_id = self.dataset_id

        skillset_id = self.skillset_id

        privacy = self.privacy

        moderation = self.moderation

        attachments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.attachments, Unset):
            attachments = []
            for attachments_item_data in self.attachments:
                attachments_item = attachments_item_data.to_dict()
                attachments.append(attachments_item)

        contact_id: dict[str, Any] | str | Unset
        if isinstance(self.contact_id, Unset):
            contact_id = UNSET
        elif isinstance(self.contact_id, ContactDetails):
            contact_id = self.contact_id.to_dict()
        else:
            contact_id = self.contact_id

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

        limits: dict[str, Any] | Unset = UNSET
        if not isinstance(self.limits, Unset):
            limits = self.limits.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "messages": messages,
            }
        )
        if bot_id is not UNSET:
            field_dict["botId"] = bot_id
        if model is not UNSET:
            field_dict["model"] = model
        if backstory is not UNSET:
            field_dict["backstory"] = backstory
        if dataset_id is not UNSET:
            field_dict["datasetId"] = dataset_id
        if skillset_id is not UNSET:
            field_dict["skillsetId"] = skillset_id
        if privacy is not UNSET:
            field_dict["privacy"] = privacy
        if moderation is not UNSET:
            field_dict["moderation"] = moderation
        if attachments is not UNSET:
            field_dict["attachments"] = attachments
        if contact_id is not UNSET:
            field_dict["contactId"] = contact_id
        if functions is not UNSET:
            field_dict["functions"] = functions
        if extensions is not UNSET:
            field_dict["extensions"] = extensions
        if limits is not UNSET:
            field_dict["limits"] = limits

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.attachment import Attachment
        from ..models.contact_details import ContactDetails
        from ..models.execution_limits import ExecutionLimits
        from ..models.extensions_definition import ExtensionsDefinition
        from ..models.function_definition import FunctionDefinition
        from ..models.message import Message

        d = dict(src_dict)
        messages = []
        _messages = d.pop("messages")
        for messages_item_data in _messages:
            messages_item = Message.from_dict(messages_item_data)

            messages.append(messages_item)

        bot_id = unset_if_null(d.pop("botId", UNSET))

        model = unset_if_null(d.pop("model", UNSET))

        backstory = unset_if_null(d.pop("backstory", UNSET))

        dataset_id = unset_if_null(d.pop("datasetId", UNSET))

        skillset_id = unset_if_null(d.pop("skillsetId", UNSET))

        privacy = unset_if_null(d.pop("privacy", UNSET))

        moderation = unset_if_null(d.pop("moderation", UNSET))

        _attachments = unset_if_null(d.pop("attachments", UNSET))
        attachments: list[Attachment] | Unset = UNSET
        if _attachments is not UNSET:
            attachments = []
            for attachments_item_data in _attachments:
                attachments_item = Attachment.from_dict(attachments_item_data)

                attachments.append(attachments_item)

        def _parse_contact_id(data: object) -> ContactDetails | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contact_id_type_1 = ContactDetails.from_dict(data)

                return contact_id_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContactDetails | str | Unset, data)

        contact_id = _parse_contact_id(unset_if_null(d.pop("contactId", UNSET)))

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

        _limits = unset_if_null(d.pop("limits", UNSET))
        limits: ExecutionLimits | Unset
        if isinstance(_limits, Unset):
            limits = UNSET
        else:
            limits = ExecutionLimits.from_dict(_limits)

        complete_request = cls(
            messages=messages,
            bot_id=bot_id,
            model=model,
            backstory=backstory,
            dataset_id=dataset_id,
            skillset_id=skillset_id,
            privacy=privacy,
            moderation=moderation,
            attachments=attachments,
            contact_id=contact_id,
            functions=functions,
            extensions=extensions,
            limits=limits,
        )

        complete_request.additional_properties = d
        return complete_request

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
