#!/usr/bin/env bash
# Drive a running FakeSent with curl: create a profile, send, advance, read back.
# Usage: drive.sh BASE_URL API_KEY  (python -m sent_async.testing prints both)
set -euo pipefail
BASE="$1" KEY="$2"
api() { curl -sS --fail-with-body -H "x-api-key: $KEY" -H 'content-type: application/json' "$@"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

profile=$(api -X POST "$BASE/v3/profiles" -d '{"name": "Curl Clinic"}' | field "['data']['id']")
sent=$(api -X POST "$BASE/v3/messages" -H "x-profile-id: $profile" \
  -d '{"to": ["+14155550123"], "text": "Hello from curl"}')
message=$(echo "$sent" | field "['data']['recipients'][0]['message_id']")

# The admin API needs no key: run every message to its final status.
curl -sS --fail-with-body -X POST "$BASE/__fake/messages/advance" -d '{"settle": true}' >/dev/null

status=$(api -H "x-profile-id: $profile" "$BASE/v3/messages/$message" | field "['data']['status']")
echo "$message $status"
