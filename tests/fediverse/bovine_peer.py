"""bovine-herd as a fediverse peer for the interoperability test.

Runs in bovine's own virtualenv, never imported by the test suite:
`hypercorn bovine_peer:app` serves bovine-herd (database from BOVINE_DB_URL),
and `python bovine_peer.py COMMAND CONFIG ...` drives one of its users
through bovine's own client (BovineClient), printing JSON.
"""

import asyncio
import json
import os
import sys

if os.environ.get("BOVINE_DB_URL") and __name__ != "__main__":
    from bovine_herd import BovineHerd
    from quart import Quart

    app = BovineHerd(Quart(__name__), db_url=os.environ["BOVINE_DB_URL"])


async def run(command, config_file, *args):
    from bovine import BovineClient

    with open(config_file) as handle:
        config = json.load(handle)
    async with BovineClient(**config) as client:
        if command == "follow":
            (target,) = args
            follow = client.activity_factory.follow(target).build()
            response = await client.send_to_outbox(follow)
            return {"status": response.status, "id": response.headers.get("location")}
        if command == "unfollow":
            target, follow_id = args
            follow = client.activity_factory.follow(target, id=follow_id).build()
            undo = client.activity_factory.undo(follow).build()
            response = await client.send_to_outbox(undo)
            return {"status": response.status, "id": response.headers.get("location")}
        if command == "inbox":
            return [item async for item in client.inbox()]
        if command == "following":
            return [
                item
                async for item in client.collection_helper(
                    client.information["following"]
                )
            ]
    raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    print(json.dumps(asyncio.run(run(*sys.argv[1:]))))
