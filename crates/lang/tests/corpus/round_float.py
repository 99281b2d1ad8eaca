print(round(3.14159, 2), round(3.14159), round(2.5), round(3.5), round(-2.5))
# ---
print(round(1234.5678, -2), round(1250, -2), round(1350, -2), round(15, -1))
# ---
print(round(0.125, 2), round(0.375, 2), round(2.675, 2))
# ---
print(round(2.5) + 1, round(2.567, 1) + 1, isinstance(round(2.5), int))
# ---
print(round(7), round(-0.4), round(-0.6), round(10.0, 1))
# ---
print(3.0, 3.10, 1e-5, 0.0001, 1e-4, 123e100)
# ---
print(2/3, 10/3, 1/7, 100/7)
# ---
print(1e15, 1e16, 12345678901234567.0, 0.1 * 3)
# ---
print(str(1.0), repr(1.5), str(-0.5), str(1e100))
# ---
print(float('nan') == float('nan'), float('inf'), -float('inf'))
# ---
print(int(2.999999), int(-0.5), int(1e10))
# ---
print(0.1 + 0.7, 4.35 * 100, 1.15 * 100)
# ---
print(5e-324 > 0, 1.7976931348623157e308)
# ---
x = 1.0
for i in range(10):
    x = x * 1.1
print(x)
# ---
print(sum([0.1] * 10), 0.1 * 10)
# ---
print(3 / 2 == 1.5, 9 ** 0.5, 27 ** (1/3))
# ---
print(round(123.456, 1), round(123.456, 0), round(-123.456, 1))
# ---
print(1.0.is_integer(), (2.5).is_integer())
# ---
print(abs(-0.0), max(0.0, -0.0), 0.0 == -0.0)
