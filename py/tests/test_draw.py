"""Re-runs the public draw from its published description, independently of the library.

The algorithm (core/src/draw.rs): key = SHA-256(seed); the ChaCha20 keystream (RFC 8439,
nonce 0, counter from 0) read as little-endian u64; uniform below n by rejection of
x < 2^64 mod n; ids sorted by bytes, then Fisher-Yates from the last index down.
"""

import hashlib
import struct

import pytest

import huaide


def _rotl(v: int, c: int) -> int:
    return ((v << c) & 0xFFFFFFFF) | (v >> (32 - c))


def _chacha20_block(key: bytes, counter: int) -> bytes:
    constants = [0x61707865, 0x3320646E, 0x79622D32, 0x6B206574]
    state = constants + list(struct.unpack("<8I", key)) + [counter, 0, 0, 0]
    x = list(state)

    def quarter(a: int, b: int, c: int, d: int) -> None:
        x[a] = (x[a] + x[b]) & 0xFFFFFFFF
        x[d] = _rotl(x[d] ^ x[a], 16)
        x[c] = (x[c] + x[d]) & 0xFFFFFFFF
        x[b] = _rotl(x[b] ^ x[c], 12)
        x[a] = (x[a] + x[b]) & 0xFFFFFFFF
        x[d] = _rotl(x[d] ^ x[a], 8)
        x[c] = (x[c] + x[d]) & 0xFFFFFFFF
        x[b] = _rotl(x[b] ^ x[c], 7)

    for _ in range(10):
        quarter(0, 4, 8, 12)
        quarter(1, 5, 9, 13)
        quarter(2, 6, 10, 14)
        quarter(3, 7, 11, 15)
        quarter(0, 5, 10, 15)
        quarter(1, 6, 11, 12)
        quarter(2, 7, 8, 13)
        quarter(3, 4, 9, 14)
    return struct.pack("<16I", *[(a + b) & 0xFFFFFFFF for a, b in zip(x, state)])


class _Draw:
    def __init__(self, seed: str) -> None:
        self.key = hashlib.sha256(seed.encode("utf-8")).digest()
        self.counter = 0
        self.buffer = b""

    def next_u64(self) -> int:
        if len(self.buffer) < 8:
            self.buffer += _chacha20_block(self.key, self.counter)
            self.counter += 1
        value = struct.unpack("<Q", self.buffer[:8])[0]
        self.buffer = self.buffer[8:]
        return int(value)

    def below(self, n: int) -> int:
        reject_under = (1 << 64) % n
        while True:
            x = self.next_u64()
            if x >= reject_under:
                return x % n


def lottery_order(seed: str, ids: list[str]) -> list[str]:
    order = sorted(ids, key=lambda s: s.encode("utf-8"))
    draw = _Draw(seed)
    for i in range(len(order) - 1, 0, -1):
        j = draw.below(i + 1)
        order[i], order[j] = order[j], order[i]
    return order


def test_rfc8439_block_function() -> None:
    # RFC 8439 appendix A.1, test vector 1 (all-zero key, nonce and counter).
    assert _chacha20_block(bytes(32), 0)[:16].hex() == "76b8e0ada0f13d90405d6ae55386bd28"


def test_library_ties_follow_the_published_draw() -> None:
    candidates = [f"work-{n:02d}" for n in range(12)] + ["絨貼畫", "Zebra", "apple"]
    for seed in ["懷德苑 2006", "public draw, 28 Sept", "", "x" * 300]:
        election = {"id": "e", "method": "plurality", "seats": 3, "candidates": candidates,
                    "tie_break": {"seed": seed}}
        result = huaide.tally(election, [])  # every candidate tied at 0 votes
        (tie,) = result.ties
        assert tie["resolution"]["lot"]["order"] == lottery_order(seed, candidates)
        assert result.winners == lottery_order(seed, candidates)[:3]


def test_draw_order_is_the_published_draw() -> None:
    ids = [f"r{n:03d}" for n in range(1, 41)] + ["絨貼畫", "Zebra", "apple", "r007"]
    for seed in ["懷德苑 2006 enrolment draw, council meeting of 2006-03-06", "", "x" * 300]:
        assert huaide.draw_order(seed, ids) == lottery_order(seed, ids)
        assert huaide.draw_order(seed, list(reversed(ids))) == lottery_order(seed, ids)
    assert huaide.draw_order("s", ()) == []


def test_draw_order_refuses_ids_that_are_not_strings() -> None:
    for ids in (["a", 7], "abc", None):
        with pytest.raises(huaide.HuaideError) as raised:
            huaide.draw_order("s", ids)  # type: ignore[arg-type]
        assert raised.value.code == "invalid_document"
