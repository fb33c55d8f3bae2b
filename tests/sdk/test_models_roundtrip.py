"""Realistic API payloads survive a trip through the generated models unchanged.

``EXAMPLES`` holds, for each of the 29 operations of openapi/conversation.yaml, the
request body the API receives and the 200 bodies it answers with, per content type.
Every slot is a list of alternative examples; an ``application/jsonl`` example is a
whole stream (a list of lines). The model class of every body is looked up in the
spec (operation -> ``$ref`` -> component -> ``chatbotkit_api.models.<component>``),
never picked by hand.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
import yaml
from chatbotkit_api import models

from tests.helpers import ROOT

SPEC_PATH = ROOT / "openapi" / "conversation.yaml"

# --- example data ---------------------------------------------------------------

CNV = "cnv_2f9KxQm7TnB4vLc8"  # the conversation most examples are about
T0 = 1732406400000  # 2024-11-24T00:00:00Z in ms

EMAIL_ENTITY = {
    "type": "email",
    "begin": 12,
    "end": 32,
    "text": "jane.doe@example.com",
    "replacement": {"begin": 12, "end": 19, "text": "[EMAIL]"},
}
ORDER_ENTITY = {"type": "orderNumber", "begin": 45, "end": 50, "text": "10423"}

ORDER_STATUS_FUNCTION = {
    "name": "getOrderStatus",
    "description": "Look up the shipping status of an order by its number.",
    "parameters": {
        "type": "object",
        "properties": {
            "orderNumber": {"type": "string", "description": "The order number, e.g. 10423."},
            "includeHistory": {"type": "boolean", "default": False},
        },
        "required": ["orderNumber"],
    },
    "result": {"channel": "ch_order_status_7f3a9c2e5b1d4a6f8e0c"},
}
STORE_HOURS_FUNCTION = {
    "name": "getStoreHours",
    "description": "Opening hours of the flagship store.",
    "parameters": {"type": "object", "properties": {}},
    "result": {"data": {"weekdays": "09:00-18:00", "saturday": "10:00-14:00", "sunday": None}},
    "call": {"start": True, "end": False},
}

EXTENSIONS = {
    "backstory": "Always answer in the language the customer writes in.",
    "datasets": [
        {
            "name": "Shipping policy",
            "description": "Delivery times and costs per region.",
            "records": [
                {
                    "text": "Standard shipping within the EU takes 3-5 business days.",
                    "meta": {"source": "https://shop.example.com/shipping", "region": "EU"},
                },
                {"text": "Express shipping is free for orders over 100 EUR."},
            ],
        }
    ],
    "skillsets": [
        {
            "name": "Web tools",
            "description": "Read public web pages.",
            "abilities": [
                {
                    "name": "fetchPage",
                    "description": "Fetch a page of the shop's help centre.",
                    "instruction": "template: fetch/text\nparameters:\n  url: string",
                    "secretId": "sec_9pLm3Xw7QaZ2nRt5",
                    "meta": {"timeoutMs": 10000},
                }
            ],
        }
    ],
    "features": [
        {"name": "search", "options": {"maxResults": 5, "sites": ["help.example.com"]}},
        {"name": "canvas"},
    ],
}

LIMITS = {"iterations": 6, "continuations": 2, "calls": 12}

LISTED_CONVERSATIONS = [
    {
        "id": CNV,
        "createdAt": T0,
        "updatedAt": T0 + 3_600_000,
        "botId": "bot_7hQm2Lr9XcV1pZa3",
        "name": "Order #10423 support",
        "description": "Customer asking about a delayed parcel",
        "meta": {"channel": "web", "orderId": "10423", "priority": 2},
        "contactId": "con_5tYb8NwE1kRq6sDj",
        "spaceId": "spc_1aB2cD3eF4gH5iJ6",
    },
    {
        "id": "cnv_8GhT4pLw2QxN6sVk",
        "createdAt": T0 - 86_400_000,
        "updatedAt": T0 - 86_000_000,
        "model": "gpt-4o",
        "backstory": "You are the returns assistant of Example Shop.",
        "privacy": True,
        "moderation": False,
        "taskId": "tsk_3MvQ8zRb5YcL1wPe",
    },
]

CONVERSATION_MESSAGES = [
    {
        "id": "msg_4Kd8Wq2ZrT6yNb1X",
        "createdAt": T0 + 60_000,
        "updatedAt": T0 + 60_000,
        "type": "user",
        "text": "My email is [EMAIL], where is order 10423?",
        "meta": {"locale": "en-GB"},
    },
    {
        "id": "msg_9Vn3Lc7HsP2mQa5R",
        "createdAt": T0 + 64_000,
        "updatedAt": T0 + 64_000,
        "type": "bot",
        "text": "Order 10423 left our warehouse yesterday and should arrive on Tuesday.",
        "name": "reply",
        "description": "Answer grounded in getOrderStatus",
    },
]

COMPLETE_STREAM = [  # stateless complete, with reasoning
    {"type": "completeBegin", "data": {}},
    {"type": "reasoningToken", "data": {"token": "The customer asks"}},
    {"type": "reasoningToken", "data": {"token": " about EU shipping times."}},
    {"type": "token", "data": {"token": "Standard"}},
    {"type": "token", "data": {"token": " shipping"}},
    {"type": "token", "data": {"token": " takes 3-5 business days."}},
    {"type": "usage", "data": {"model": "gpt-4o", "inputTokensUsed": 812, "outputTokensUsed": 14}},
    {
        "type": "message",
        "data": {
            "type": "bot",
            "text": "Standard shipping takes 3-5 business days.",
            "meta": {"model": "gpt-4o"},
        },
    },
    {"type": "completeEnd", "data": {}},
    {
        "type": "result",
        "data": {
            "text": "Standard shipping takes 3-5 business days.",
            "usage": {"token": 826},
            "end": {"reason": "stop"},
        },
    },
]

CONVERSATION_COMPLETE_STREAM = [  # stateful complete, waiting on a function's channel
    {"type": "completeBegin", "data": {}},
    {
        "type": "waitForChannelMessageBegin",
        "data": {"channelId": "ch_order_status_7f3a9c2e5b1d4a6f8e0c"},
    },
    {"type": "error", "data": {"message": "getOrderStatus: carrier API answered 503"}},
    {
        "type": "waitForChannelMessageEnd",
        "data": {"channelId": "ch_order_status_7f3a9c2e5b1d4a6f8e0c", "timedOut": False},
    },
    {"type": "token", "data": {"token": "Order 10423"}},
    {"type": "token", "data": {"token": " should arrive on Tuesday."}},
    {"type": "usage", "data": {"model": "gpt-4o", "inputTokensUsed": 1544, "outputTokensUsed": 9}},
    {"type": "message", "data": {"type": "bot", "text": "Order 10423 should arrive on Tuesday."}},
    {"type": "completeEnd", "data": {}},
    {
        "type": "result",
        "data": {
            "id": "msg_9Vn3Lc7HsP2mQa5R",
            "text": "Order 10423 should arrive on Tuesday.",
            "usage": {"token": 1553},
            "end": {"reason": "stop"},
        },
    },
]

SEND_STREAM = [
    {"type": "completeBegin", "data": {}},
    {"type": "token", "data": {"token": "Thanks"}},
    {"type": "token", "data": {"token": ", noted."}},
    {
        "type": "usage",
        "data": {"model": "gpt-4o-mini", "inputTokensUsed": 96, "outputTokensUsed": 4},
    },
    {"type": "message", "data": {"type": "user", "text": "My email is [EMAIL], order 10423."}},
    {"type": "completeEnd", "data": {}},
    {
        "type": "result",
        "data": {"id": "msg_4Kd8Wq2ZrT6yNb1X", "entities": [EMAIL_ENTITY, ORDER_ENTITY]},
    },
]

RECEIVE_STREAM = [  # the call limit cuts the reply short
    {"type": "completeBegin", "data": {}},
    {"type": "token", "data": {"token": "Let me"}},
    {"type": "token", "data": {"token": " check that"}},
    {
        "type": "abort",
        "data": {"reason": {"code": "CALL_LIMIT", "limit": 12}, "functionName": "getOrderStatus"},
    },
    {"type": "completeEnd", "data": {}},
    {
        "type": "result",
        "data": {"id": "msg_2Rt7Yp4Mc9Vb3Xk1", "text": "Let me check that", "usage": {"token": 40}},
    },
]

EXPORT_CSV = (
    "id,createdAt,updatedAt,botId,name,description,contactId,spaceId\r\n"
    f"{CNV},{T0},{T0 + 3_600_000},bot_7hQm2Lr9XcV1pZa3,Order #10423 support,"
    '"Customer asking about a delayed parcel",con_5tYb8NwE1kRq6sDj,spc_1aB2cD3eF4gH5iJ6\r\n'
    f"cnv_8GhT4pLw2QxN6sVk,{T0 - 86_400_000},{T0 - 86_000_000},,,,,\r\n"
)

EXAMPLES: dict[str, dict[str, list[Any]]] = {
    # --- conversations
    "listConversations": {
        "application/json": [{"items": LISTED_CONVERSATIONS, "cursor": "cnv_8GhT4pLw2QxN6sVk"}],
        "application/jsonl": [[{"type": "item", "data": c} for c in LISTED_CONVERSATIONS]],
    },
    "exportConversations": {
        "application/json": [{"items": LISTED_CONVERSATIONS[:1], "cursor": CNV}],
        "application/jsonl": [[{"type": "item", "data": c} for c in LISTED_CONVERSATIONS]],
        "text/csv": [EXPORT_CSV],
    },
    "createConversation": {
        "request": [
            {
                "botId": "bot_7hQm2Lr9XcV1pZa3",
                "name": "Order #10423 support",
                "description": "Customer asking about a delayed parcel",
                "meta": {"channel": "web", "orderId": "10423"},
                "contactId": "con_5tYb8NwE1kRq6sDj",
                "taskId": "tsk_3MvQ8zRb5YcL1wPe",
                "spaceId": "spc_1aB2cD3eF4gH5iJ6",
                "messages": [
                    {"type": "context", "text": "The customer is logged in as a Gold member."},
                    {"type": "user", "text": "Hi, where is my order?"},
                    {"type": "bot", "text": "Happy to help! What is the order number?"},
                ],
            },
        ],
        "application/json": [
            {
                "id": CNV,
                "messages": [
                    {"type": "context", "text": "The customer is logged in as a Gold member."},
                    {"type": "user", "text": "Hi, where is my order?"},
                    {"type": "bot", "text": "Happy to help! What is the order number?"},
                ],
            }
        ],
    },
    "completeConversation": {
        "request": [
            {
                "model": "gpt-4o",
                "backstory": "You are the support assistant of Example Shop.",
                "datasetId": "dst_6Wn2Kp8Rt4Lx1Zq9",
                "skillsetId": "sks_3Hj7Bn5Vc1Qm8Ty2",
                "privacy": True,
                "moderation": True,
                "messages": [
                    {"type": "user", "text": "How long does shipping to Germany take?"},
                    {
                        "type": "activity",
                        "text": "Customer opened the shipping FAQ",
                        "meta": {"url": "https://shop.example.com/faq#shipping"},
                    },
                ],
                "attachments": [{"url": "https://files.example.com/screens/cart-4431.png"}],
                "contactId": {
                    "fingerprint": "fp_0c9b7e0e8a1d4f2b",
                    "name": "Jane Doe",
                    "description": "Gold member since 2021",
                    "email": "jane.doe@example.com",
                    "phone": "+44 20 7946 0958",
                    "nick": "jane",
                    "meta": {"crmId": "CRM-55812"},
                },
                "functions": [ORDER_STATUS_FUNCTION, STORE_HOURS_FUNCTION],
                "extensions": EXTENSIONS,
                "limits": LIMITS,
            },
        ],
        "application/json": [
            {
                "text": "Standard shipping takes 3-5 business days.",
                "usage": {"token": 826},
                "end": {"reason": "stop"},
            }
        ],
        "application/jsonl": [COMPLETE_STREAM],
    },
    "dispatchConversation": {
        "request": [
            {
                "botId": "bot_7hQm2Lr9XcV1pZa3",
                "messages": [{"type": "user", "text": "Summarise my last three orders."}],
                "contactId": "con_5tYb8NwE1kRq6sDj",
                "functions": [ORDER_STATUS_FUNCTION],
                "limits": {"iterations": 3},
                "channelId": "ch_dispatch_0f4e6a1b9c3d7e2f5a8b",
            },
        ],
        "application/json": [{"channelId": "ch_dispatch_0f4e6a1b9c3d7e2f5a8b"}],
    },
    "compactConversationStateless": {
        "request": [
            {
                "model": "gpt-4o-mini",
                "backstory": "Summarise support chats for the next agent.",
                "messages": [
                    {"type": "user", "text": "My parcel is late."},
                    {"type": "bot", "text": "Sorry! What is the order number?"},
                    {"type": "user", "text": "10423"},
                ],
                "extensions": {"backstory": "Keep order numbers verbatim."},
            },
        ],
        "application/json": [
            {
                "text": "The customer reports that order 10423 is late.",
                "usage": {"token": 152},
            }
        ],
    },
    "fetchConversation": {
        "application/json": [
            {
                "id": CNV,
                "createdAt": T0,
                "updatedAt": T0 + 3_600_000,
                "botId": "bot_7hQm2Lr9XcV1pZa3",
                "name": "Order #10423 support",
                "description": "Customer asking about a delayed parcel",
                "meta": {"channel": "web", "orderId": "10423", "tags": ["shipping", "gold"]},
                "contactId": "con_5tYb8NwE1kRq6sDj",
                "taskId": "tsk_3MvQ8zRb5YcL1wPe",
            },
            {
                "id": "cnv_8GhT4pLw2QxN6sVk",
                "createdAt": T0 - 86_400_000,
                "updatedAt": T0 - 86_000_000,
                "model": "gpt-4o",
                "backstory": "You are the returns assistant of Example Shop.",
                "datasetId": "dst_6Wn2Kp8Rt4Lx1Zq9",
                "skillsetId": "sks_3Hj7Bn5Vc1Qm8Ty2",
                "privacy": False,
                "moderation": True,
            },
        ],
    },
    "updateConversation": {
        "request": [
            {
                "name": "Order #10423 support (resolved)",
                "description": "Parcel found, delivered Tuesday",
                "meta": {"channel": "web", "orderId": "10423", "resolved": True},
                "contactId": "con_5tYb8NwE1kRq6sDj",
                "botId": "bot_7hQm2Lr9XcV1pZa3",
            },
        ],
        "application/json": [{"id": CNV}],
    },
    "deleteConversation": {
        "request": [{}],
        "application/json": [{"id": CNV}],
    },
    "completeConversationMessage": {
        "request": [
            {
                "text": "My email is jane.doe@example.com, where is order 10423?",
                "entities": [EMAIL_ENTITY, ORDER_ENTITY],
                "functions": [ORDER_STATUS_FUNCTION],
                "extensions": EXTENSIONS,
                "limits": LIMITS,
            },
        ],
        "application/json": [
            {
                "id": "msg_9Vn3Lc7HsP2mQa5R",
                "text": "Order 10423 should arrive on Tuesday.",
                "usage": {"token": 1553},
                "end": {"reason": "stop"},
            }
        ],
        "application/jsonl": [CONVERSATION_COMPLETE_STREAM],
    },
    "dispatchStatefulConversation": {
        "request": [
            {
                "text": "Please also email me the tracking link.",
                "limits": {"calls": 4},
                "channelId": "ch_dispatch_5c2b8e7a1f9d4b3e6a0c",
            },
        ],
        "application/json": [{"channelId": "ch_dispatch_5c2b8e7a1f9d4b3e6a0c"}],
    },
    "compactConversation": {
        "application/json": [
            {
                "id": "msg_7Qz1Xc5Vb9Nm3Lk8",
                "text": "Jane (Gold member) asked about late order 10423; ETA Tuesday.",
                "usage": {"token": 318},
            }
        ],
    },
    "sendConversationMessage": {
        "request": [
            {
                "text": "My email is jane.doe@example.com, order 10423.",
                "entities": [EMAIL_ENTITY, ORDER_ENTITY],
                "functions": [STORE_HOURS_FUNCTION],
                "extensions": {"features": [{"name": "search"}]},
            },
        ],
        "application/json": [{"id": "msg_4Kd8Wq2ZrT6yNb1X", "entities": [EMAIL_ENTITY, ORDER_ENTITY]}],
        "application/jsonl": [SEND_STREAM],
    },
    "receiveConversationMessage": {
        "request": [{"functions": [ORDER_STATUS_FUNCTION], "extensions": EXTENSIONS}],
        "application/json": [
            {
                "id": "msg_9Vn3Lc7HsP2mQa5R",
                "text": "Order 10423 left our warehouse yesterday and should arrive on Tuesday.",
                "usage": {"token": 1490},
            }
        ],
        "application/jsonl": [RECEIVE_STREAM],
    },
    "upvoteConversation": {
        "request": [{"value": 100, "reason": "Solved my problem quickly"}],
        "application/json": [{"id": CNV}],
    },
    "downvoteConversation": {
        "request": [{"value": -100, "reason": "Kept asking for the order number"}],
        "application/json": [{"id": CNV}],
    },
    "fetchConversationUsage": {
        "application/json": [{"tokens": 18342, "messages": 27}],
    },
    # --- messages
    "listConversationMessages": {
        "application/json": [{"items": CONVERSATION_MESSAGES, "cursor": "msg_9Vn3Lc7HsP2mQa5R"}],
        "application/jsonl": [[{"type": "item", "data": m} for m in CONVERSATION_MESSAGES]],
    },
    "createConversationMessage": {
        "request": [
            {
                "type": "user",
                "text": "My email is jane.doe@example.com, where is order 10423?",
                "entities": [EMAIL_ENTITY, ORDER_ENTITY],
                "name": "question",
                "description": "Imported from the e-mail channel",
                "meta": {"source": "email", "threadId": "thr_20241124_0815"},
            },
        ],
        "application/json": [{"id": "msg_4Kd8Wq2ZrT6yNb1X", "entities": [EMAIL_ENTITY, ORDER_ENTITY]}],
    },
    "fetchConversationMessage": {
        "application/json": CONVERSATION_MESSAGES,
    },
    "updateConversationMessage": {
        "request": [
            {
                "type": "bot",
                "text": "Order 10423 arrives on Tuesday between 9:00 and 12:00.",
                "meta": {"editedBy": "usr_0Lk4Hj8Gf2Ds6Pa1"},
            },
        ],
        "application/json": [{"id": "msg_9Vn3Lc7HsP2mQa5R"}],
    },
    "deleteConversationMessage": {
        "request": [{}],
        "application/json": [{"id": "msg_4Kd8Wq2ZrT6yNb1X"}],
    },
    "upvoteConversationMessage": {
        "request": [{"value": 50}],
        "application/json": [{"id": "msg_9Vn3Lc7HsP2mQa5R"}],
    },
    "downvoteConversationMessage": {
        "request": [{"value": -20, "reason": "Wrong delivery date"}],
        "application/json": [{"id": "msg_9Vn3Lc7HsP2mQa5R"}],
    },
    "synthesizeConversationMessage": {
        "request": [{}],
        "application/json": [{"id": "msg_9Vn3Lc7HsP2mQa5R"}],
    },
    # --- sessions, attachments, contacts
    "createConversationSession": {
        "request": [{"durationInSeconds": 3600}],
        "application/json": [
            {
                "id": "ses_6Yt2Rb9Kw4Nx7Mq3",
                "token": "sk_sess_8f2c1d9e4b7a6035c1e2d3f4a5b6c7d8",
                "expiresAt": T0 + 3_600_000,
            }
        ],
    },
    "listConversationAttachments": {
        "application/json": [
            {
                "items": [
                    {
                        "id": "att_3Nd7Jx2Qc8Wv5Lp1",
                        "createdAt": T0 + 120_000,
                        "updatedAt": T0 + 121_500,
                        "name": "receipt-10423.pdf",
                        "description": "Receipt uploaded by the customer",
                        "meta": {"uploadedVia": "widget"},
                        "type": "application/pdf",
                        "size": 48213,
                    },
                    {"id": "att_5Bm1Vz9Xr3Ts7Kc4", "createdAt": T0, "updatedAt": T0},
                ],
                "cursor": "att_5Bm1Vz9Xr3Ts7Kc4",
            }
        ],
    },
    "uploadConversationAttachment": {
        "request": [
            {"file": "https://files.example.com/receipts/receipt-10423.pdf"},
            {"file": "data:text/plain;base64,T3JkZXIgMTA0MjM="},
            {"file": {"type": "image/png", "size": 183044, "name": "parcel-photo.png"}},
        ],
        "application/json": [
            {"id": "att_3Nd7Jx2Qc8Wv5Lp1", "name": "receipt-10423.pdf"},
            {
                "id": "att_8Hc2Fn6Lw1Rk9Zs5",
                "name": "parcel-photo.png",
                "uploadRequest": {
                    "method": "PUT",
                    "url": "https://uploads.chatbotkit.com/att_8Hc2Fn6Lw1Rk9Zs5?X-Amz-Expires=900",
                    "headers": {"Content-Type": "image/png", "Content-Length": "183044"},
                },
            },
        ],
    },
    "upsertConversationContact": {
        "request": [
            {
                "fingerprint": "fp_0c9b7e0e8a1d4f2b",
                "email": "jane.doe@example.com",
                "phone": "+44 20 7946 0958",
                "nick": "jane",
                "name": "Jane Doe",
                "description": "Gold member since 2021",
                "meta": {"crmId": "CRM-55812", "marketingOptIn": False},
            },
        ],
        "application/json": [{"id": "con_5tYb8NwE1kRq6sDj"}],
    },
}

# --- helpers ---------------------------------------------------------------------

SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text())
COMPONENTS: dict[str, Any] = SPEC["components"]["schemas"]
OPERATIONS: dict[str, dict[str, Any]] = {
    op["operationId"]: op for item in SPEC["paths"].values() for op in item.values()
}
JSONL = "application/jsonl"


def _ref_name(ref: str) -> str:
    prefix = "#/components/schemas/"
    assert ref.startswith(prefix), ref
    return ref.removeprefix(prefix)


def _spec_slots(operation_id: str) -> dict[str, dict[str, Any]]:
    """The schema of each body the spec gives ``operation_id``: "request" and 200 types."""
    operation = OPERATIONS[operation_id]
    slots = {}
    if "requestBody" in operation:
        slots["request"] = operation["requestBody"]["content"]["application/json"]["schema"]
    for content_type, media in operation["responses"]["200"]["content"].items():
        slots[content_type] = media["schema"]
    return slots


def _component_for(schema: dict[str, Any], body: dict[str, Any]) -> str:
    """The component that models ``body``, following a oneOf's discriminator mapping."""
    name = _ref_name(schema["$ref"])
    discriminator = COMPONENTS[name].get("discriminator")
    if discriminator is None:
        return name
    return _ref_name(discriminator["mapping"][body[discriminator["propertyName"]]])


def _event_components(schema: dict[str, Any]) -> set[str]:
    """Every component a line of a stream with this schema may be."""
    name = _ref_name(schema["$ref"])
    discriminator = COMPONENTS[name].get("discriminator")
    if discriminator is None:
        return {name}
    return {_ref_name(ref) for ref in discriminator["mapping"].values()}


def _bodies(slot: str, example: Any) -> list[dict[str, Any]]:
    """A stream example is many bodies (its lines); any other example is one."""
    return example if slot == JSONL else [example]


def _required(component: str) -> list[str]:
    """The component's required properties, including those of its allOf parts."""
    schema = COMPONENTS[component]
    fields = list(schema.get("required", []))
    for part in schema.get("allOf", []):
        fields += _required(_ref_name(part["$ref"])) if "$ref" in part else part.get("required", [])
    return list(dict.fromkeys(fields))


def _is_free_form(cls: type) -> bool:
    schema = COMPONENTS.get(cls.__name__)
    if schema is None:  # an inline object such as FunctionParameters.properties
        return all(f.name == "additional_properties" for f in attrs.fields(cls))
    return "additionalProperties" in schema


def _undeclared_keys(value: Any, path: str = "$") -> list[str]:
    """Keys that the models kept only as additional properties, i.e. not in the spec."""
    if isinstance(value, list):
        return [key for i, item in enumerate(value) for key in _undeclared_keys(item, f"{path}[{i}]")]
    if not attrs.has(type(value)):
        return []
    found = [] if _is_free_form(type(value)) else [f"{path}.{k}" for k in value.additional_keys]
    for field in attrs.fields(type(value)):
        if field.name != "additional_properties":
            found += _undeclared_keys(getattr(value, field.name), f"{path}.{field.name}")
    return found


def _parse(operation_id: str, slot: str, index: int = 0) -> Any:
    body = EXAMPLES[operation_id][slot][index]
    cls = getattr(models, _component_for(_spec_slots(operation_id)[slot], body))
    return cls.from_dict(body)


def _slot_cases(*, modelled: bool) -> Iterator[Any]:
    """(operation, slot) of every body whose schema is (or is not) a component."""
    for operation_id in OPERATIONS:
        for slot, schema in _spec_slots(operation_id).items():
            if ("$ref" in schema) == modelled:
                yield pytest.param(operation_id, slot, id=f"{operation_id}-{slot}")


def _required_response_cases() -> Iterator[Any]:
    for operation_id in OPERATIONS:
        schema = _spec_slots(operation_id)["application/json"]
        for field in _required(_ref_name(schema["$ref"])):
            yield pytest.param(operation_id, field, id=f"{operation_id}-{field}")


def _required_event_cases() -> Iterator[Any]:
    for operation_id, slots in EXAMPLES.items():
        if JSONL not in slots:
            continue
        schema = _spec_slots(operation_id)[JSONL]
        first_line_of: dict[str, dict[str, Any]] = {}
        for stream in slots[JSONL]:
            for line in stream:
                first_line_of.setdefault(line["type"], line)
        for event_type, line in first_line_of.items():
            for field in _required(_component_for(schema, line)):
                yield pytest.param(operation_id, line, field, id=f"{operation_id}-{event_type}-{field}")


# --- tests -----------------------------------------------------------------------


def test_examples_cover_every_operation_and_content_type() -> None:
    assert len(OPERATIONS) == 29
    assert set(EXAMPLES) == set(OPERATIONS)
    for operation_id, slots in EXAMPLES.items():
        assert set(slots) == set(_spec_slots(operation_id)), operation_id
        assert all(examples for examples in slots.values()), operation_id


def test_streams_cover_every_event_component() -> None:
    in_spec = {
        component
        for operation_id in OPERATIONS
        if JSONL in _spec_slots(operation_id)
        for component in _event_components(_spec_slots(operation_id)[JSONL])
    }
    in_examples = {
        _component_for(_spec_slots(operation_id)[JSONL], line)
        for operation_id, slots in EXAMPLES.items()
        for stream in slots.get(JSONL, [])
        for line in stream
    }
    assert in_examples == in_spec
    assert len(in_spec) == 16  # 10 shared events, 4 result variants, 2 item events


@pytest.mark.parametrize(("operation_id", "slot"), list(_slot_cases(modelled=True)))
def test_example_round_trips_through_its_spec_model(operation_id: str, slot: str) -> None:
    schema = _spec_slots(operation_id)[slot]
    for example in EXAMPLES[operation_id][slot]:
        for body in _bodies(slot, example):
            component = _component_for(schema, body)
            cls = getattr(models, component)
            assert cls.__name__ == component

            model = cls.from_dict(body)

            assert model.to_dict() == body
            assert cls.from_dict(model.to_dict()) == model
            assert _undeclared_keys(model) == [], "keys the spec does not declare"


@pytest.mark.parametrize(("operation_id", "slot"), list(_slot_cases(modelled=False)))
def test_csv_export_is_a_plain_string(operation_id: str, slot: str) -> None:
    assert (operation_id, slot) == ("exportConversations", "text/csv")
    assert _spec_slots(operation_id)[slot] == {"type": "string"}
    for example in EXAMPLES[operation_id][slot]:
        assert isinstance(example, str)
        assert example.startswith("id,")


def test_one_of_fields_parse_into_the_right_branch() -> None:
    assert isinstance(_parse("completeConversation", "request").contact_id, models.ContactDetails)
    assert _parse("dispatchConversation", "request").contact_id == "con_5tYb8NwE1kRq6sDj"
    url, data_url, metadata = (_parse("uploadConversationAttachment", "request", i).file for i in range(3))
    assert url == "https://files.example.com/receipts/receipt-10423.pdf"
    assert data_url.startswith("data:text/plain;base64,")
    assert isinstance(metadata, models.AttachmentFile)
    channel, data = _parse("completeConversation", "request").functions
    assert isinstance(channel.result, models.FunctionResultChannel)
    assert isinstance(data.result, models.FunctionResultData)


@pytest.mark.parametrize(("operation_id", "field"), list(_required_response_cases()))
def test_response_without_a_required_field_is_rejected(operation_id: str, field: str) -> None:
    component = _ref_name(_spec_slots(operation_id)["application/json"]["$ref"])
    cls = getattr(models, component)
    for body in EXAMPLES[operation_id]["application/json"]:
        assert field in body
        incomplete = {key: value for key, value in body.items() if key != field}
        with pytest.raises((KeyError, TypeError, ValueError)):
            cls.from_dict(incomplete)


@pytest.mark.parametrize(("operation_id", "line", "field"), list(_required_event_cases()))
def test_event_without_a_required_field_is_rejected(
    operation_id: str, line: dict[str, Any], field: str
) -> None:
    cls = getattr(models, _component_for(_spec_slots(operation_id)[JSONL], line))
    assert field in line
    incomplete = {key: value for key, value in line.items() if key != field}
    with pytest.raises((KeyError, TypeError, ValueError)):
        cls.from_dict(incomplete)


def test_model_names_carry_no_numbered_or_status_suffixes() -> None:
    pattern = re.compile(r"Type\d|_type_\d|Body$|Response\d{3}|Item$|^[A-Z][a-z]+\d")
    assert [name for name in models.__all__ if pattern.search(name)] == []
    assert len(models.__all__) > 29


def test_importing_one_model_loads_only_its_module() -> None:
    code = (
        "import sys; from chatbotkit_api.models import Conversation; "
        "print(sorted(m for m in sys.modules if m.startswith('chatbotkit_api.models.')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert ast.literal_eval(result.stdout.strip()) == ["chatbotkit_api.models.conversation"]


def test_models_package_lists_every_name_and_rejects_unknown_ones() -> None:
    assert set(models.__all__) <= set(dir(models))
    unknown = "ConversationResponse200"
    with pytest.raises(AttributeError):
        getattr(models, unknown)
