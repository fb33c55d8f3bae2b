"""``python -m chatbotkit_sdk.testing``: the fake ChatBotKit API on a local port."""

from __future__ import annotations

import argparse
import contextlib

from ._fake import FakeChatBotKit
from ._server import run_forever


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m chatbotkit_sdk.testing", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, help="port (default 8765)")
    parser.add_argument("--secret", help="the only bearer token accepted (default: any)")
    parser.add_argument("--token-delay", type=float, default=0.02, help="seconds between streamed tokens")
    parser.add_argument(
        "--newer-api",
        action="store_true",
        help="answer like a newer API: unknown properties, event types and message types",
    )
    parser.add_argument(
        "--no-strict",
        action="store_true",
        help="let properties and query parameters the spec does not declare through (extra_body users)",
    )
    parser.add_argument("--seed", type=int, help="the same ids and draws on every run")
    args = parser.parse_args()
    fake = FakeChatBotKit(
        secret=args.secret,
        token_delay=args.token_delay,
        newer_api=args.newer_api,
        strict=not args.no_strict,
        seed=args.seed,
    )

    def announce(url: str) -> None:
        # Flushed: a script reading this from a pipe learns the port (also for --port 0).
        print(f"fake ChatBotKit API on {url} (serves /v1/... and /api/v1/...)", flush=True)

    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C is how it is meant to stop
        run_forever(fake, args.host, args.port, announce)


if __name__ == "__main__":
    main()
