"""The Lua scripts behind RedisRateLimit: GCRA reservations and the shared 429 pause.

Both read the time with Redis ``TIME``, so the hosts' clocks never matter: only durations
leave Redis. Numbers go back as strings (Redis truncates Lua numbers to integers). One hash
per account holds ``tat`` (GCRA's theoretical arrival time), ``rate``, ``ref`` (the rate
before the last cut), ``grown_at``, ``storm_until``, ``pause_until`` and ``pauses``; it expires
``ttl`` ms after the last write. The algorithm mirrors the local pacer
(sent_async/_bulk/pacer.py) and docs/distributed.md.
"""

from __future__ import annotations

_COMMON = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local function fmt(x) return string.format('%.6f', x) end
local h = redis.call('HMGET', KEYS[1], 'tat', 'rate', 'ref', 'grown_at', 'storm_until',
                     'pause_until', 'pauses')
local ceiling = tonumber(ARGV[1])
local tat = tonumber(h[1]) or 0
local rate = math.min(tonumber(h[2]) or ceiling, ceiling)
local ref = tonumber(h[3]) or ceiling
local grown_at = tonumber(h[4]) or 0
local storm_until = tonumber(h[5]) or 0
local pause_until = tonumber(h[6]) or 0
local pauses = tonumber(h[7]) or 0
"""

RESERVE = (
    _COMMON
    + """
-- ARGV: ceiling (calls/s), burst, cost, increase (share of ref per s), ttl (ms)
local burst = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
if pause_until > now then
  return {'paused', fmt(pause_until - now), fmt(rate), tostring(pauses)}
end
if rate < ceiling and now > grown_at then  -- additive increase, computed lazily
  rate = math.min(ceiling, rate + tonumber(ARGV[4]) * ref * (now - grown_at))
  grown_at = now
end
local interval = 1 / rate
tat = math.max(tat, now)
local wait = math.max(0, tat - (burst - 1) * interval - now)
redis.call('HSET', KEYS[1], 'tat', fmt(tat + cost * interval), 'rate', fmt(rate),
           'grown_at', fmt(grown_at))
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return {'ok', fmt(wait), fmt(rate), tostring(pauses)}
"""
)

RATE_LIMITED = (
    _COMMON
    + """
-- ARGV: ceiling, pause (s), adaptive ('1'/'0'), min_rate, ttl (ms); KEYS[2]: pause channel
pause_until = math.max(pause_until, now + tonumber(ARGV[2]))
local new = 0
if now >= storm_until then  -- one cut per storm, however many 429s it had
  new = 1
  pauses = pauses + 1
  if ARGV[3] == '1' then
    ref = rate
    rate = math.max(tonumber(ARGV[4]), rate / 2)
  end
  storm_until = pause_until
  grown_at = pause_until
else
  storm_until = math.max(storm_until, pause_until)
  grown_at = math.max(grown_at, pause_until)
end
tat = math.max(tat, pause_until)  -- reservations queue up behind the pause
redis.call('HSET', KEYS[1], 'tat', fmt(tat), 'rate', fmt(rate), 'ref', fmt(ref),
           'grown_at', fmt(grown_at), 'storm_until', fmt(storm_until),
           'pause_until', fmt(pause_until), 'pauses', tostring(pauses))
redis.call('PEXPIRE', KEYS[1], ARGV[5])
local left = fmt(pause_until - now)
redis.call('PUBLISH', KEYS[2], left .. ' ' .. new .. ' ' .. fmt(rate))
return {left, tostring(new), fmt(rate), tostring(pauses)}
"""
)

CHECK = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local pause_until = tonumber(redis.call('HGET', KEYS[1], 'pause_until')) or 0
return string.format('%.6f', math.max(0, pause_until - now))
"""
"""How long the shared pause still holds (used only when the pause channel was lost)."""
