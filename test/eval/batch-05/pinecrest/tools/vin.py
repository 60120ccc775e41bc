"""VIN check-digit helper (position 9), used to make the example VINs realistic."""
import sys
TRANS = {**{str(d): d for d in range(10)},
         **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9,
         **dict(zip("STUVWXYZ", range(2, 10)))}
W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
def check(vin):
    s = sum(TRANS[c] * w for c, w in zip(vin, W)) % 11
    return "X" if s == 10 else str(s)
def fix(vin):
    vin = vin.upper()
    return vin[:8] + check(vin) + vin[9:]
def valid(vin):
    return len(vin) == 17 and all(c in TRANS for c in vin) and vin[8] == check(vin)
if __name__ == "__main__":
    for v in sys.argv[1:]:
        print(v, "->", fix(v))
