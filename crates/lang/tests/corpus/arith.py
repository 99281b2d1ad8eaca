print(1 + 2, 7 - 10, 6 * 7)
# ---
print(7 / 2, 8 / 2, 1 / 3)
# ---
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
# ---
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
# ---
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2)
# ---
print(2 ** 10, 2 ** -1, (-2) ** 3, 2.0 ** 0.5)
# ---
print(-2 ** 2, (-2) ** 2)
# ---
print(1 + 2 * 3 - 4 / 2)
# ---
print(( 42 + 4 ) * 50 / ( 5 - 2 ))
# ---
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 2
x %= 7
print(x)
# ---
x = 10
x /= 4
print(x, type(x) == float)
# ---
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
# ---
print(abs(-5), abs(5), abs(-2.5), abs(0))
# ---
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, 1.1 * 3)
# ---
print(1 == 1.0, 2 < 2.5, 3 >= 3.0, 1 != 1.0)
# ---
print(10 / 4 * 4, 2 ** 31, 2 ** 62)
# ---
print(1e3, 1.5e-7, 1e16, 1e22, 123456789.0)
# ---
print(100.0, 2.50, -0.0, 3.14159)
# ---
print(1/0)
# ---
print(5 % 0)
# ---
print(5 // 0)
# ---
print(5.0 / 0.0)
# ---
print(int(7.9), int(-7.9), int('42'), int(' 17 '), int('-3'))
# ---
print(float('1.5'), float('3'), float(' 2.25 '), float(7))
# ---
print(int('abc'))
# ---
print(float('x1.0'))
# ---
print(int('12', 8) if False else int('101'), int(True), int(False))
# ---
print(1 + True, True + True, False * 10)
# ---
a, b = 17, 5
print(a // b * b + a % b == a)
# ---
print(max(3, 7, 1), min(3, 7, 1), max(2.5, 2), min(-1, -1.5))
# ---
print(sum([1, 2, 3]), sum([0.5, 0.25]), sum([], 10), sum(range(101)))
# ---
print(3 * 'ab', [0] * 3, 'ab' * 0, 'x' * -2)
# ---
print(0x1F, 0o17, 0b101, 1_000_000)
# ---
print(hex(255), oct(8), bin(5))
# ---
print(7 // 2.0, 2 ** 0, 0 ** 0, 10 ** 2)
# ---
print(-(-3), +4, -0, ~5, 5 & 3, 5 | 3, 5 ^ 3, 1 << 4, 256 >> 3)
# ---
print(1 < 2 < 3, 3 > 2 > 2, 1 < 3 > 2, 1 == 1 == 1.0)
# ---
print(float('inf') > 10 ** 15, -float('inf') < 0)
# ---
print(2 ** 63 // 2 if False else 9223372036854775807)
# ---
print(round(2.675, 2), round(1.005, 2), round(0.5), round(1.5), round(2.5))
# ---
print(int(float('inf')))
# ---
print(int(float('nan')))
# ---
print(10.0 ** 400)
# ---
print(1 << -1)
# ---
print(9223372036854775807 - 1, -9223372036854775807 - 1 + 1, (-9223372036854775807 - 1) % -1)
# ---
print(2 ** 0.5 * 2 ** 0.5, 10 ** -2, (-8) ** (1/3) if False else (-8) ** 2)
